/// The LaTeX that survives outside math: text styles, accents, symbols.
enum TextCommands {
    enum Style {
        case emphasis, strong, smallCaps, monospace, plain
    }

    static let styles: [String: Style] = [
        "textit": .emphasis, "emph": .emphasis, "textsl": .emphasis, "it": .emphasis, "em": .emphasis,
        "sl": .emphasis, "textbf": .strong, "bf": .strong, "textsc": .smallCaps, "sc": .smallCaps,
        "texttt": .monospace, "tt": .monospace, "textrm": .plain, "textsf": .plain, "textnormal": .plain,
        "textup": .plain, "text": .plain, "mbox": .plain, "textmd": .plain, "rm": .plain, "sf": .plain,
    ]

    /// Declarations that style the rest of a group: `{\it misaligned}`, damaged `{it misaligned}`.
    static let declarations: Set<String> = ["it", "em", "sl", "bf", "sc", "tt", "rm", "sf"]

    /// Commands that stand for a character or a word.
    static let symbols: [String: String] = [
        "textgreater": ">", "textless": "<", "textasciitilde": "~", "textbackslash": "\\", "textbar": "|",
        "ldots": "…", "dots": "…", "textellipsis": "…", "textendash": "–", "textemdash": "—",
        "textquoteleft": "‘", "textquoteright": "’", "textquotedblleft": "“", "textquotedblright": "”",
        "LaTeX": "LaTeX", "TeX": "TeX", "S": "§", "P": "¶", "copyright": "©", "textcopyright": "©",
        "textregistered": "®", "texttrademark": "™", "dag": "†", "ddag": "‡", "textdegree": "°",
        "pounds": "£", "euro": "€", "textbullet": "•", "ss": "ß", "o": "ø", "O": "Ø", "aa": "å", "AA": "Å",
        "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "newline": " ",
        "par": " ", "noindent": "", "centering": "", "xspace": "", "etal": "et al.", "eg": "e.g.", "ie": "i.e.",
        "etc": "etc.", "vs": "vs.", "wrt": "w.r.t.",
    ]

    /// Accent commands and the combining mark each adds: `\'n` → ń, `\"a` → ä, `\c{c}` → ç.
    static let accents: [Unicode.Scalar: Unicode.Scalar] = [
        "'": "\u{0301}", "`": "\u{0300}", "^": "\u{0302}", "\"": "\u{0308}", "~": "\u{0303}", "=": "\u{0304}",
        ".": "\u{0307}", "u": "\u{0306}", "v": "\u{030C}", "H": "\u{030B}", "c": "\u{0327}", "k": "\u{0328}",
        "r": "\u{030A}", "d": "\u{0323}", "b": "\u{0331}",
    ]

    /// Single-character commands whose character simply shows: `\%` → %.
    static let escapedCharacters: Set<Unicode.Scalar> = ["%", "&", "#", "$", "_", "{", "}"]
}
