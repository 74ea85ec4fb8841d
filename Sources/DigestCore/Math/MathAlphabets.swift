/// The math alphabets of `\mathcal`, `\mathbb`, `\mathbf`, … as Unicode mathematical
/// alphanumeric symbols. MathML Core ignores most `mathvariant` values, so styled letters
/// must be these characters themselves (they also survive into plain text: `𝒪(d²)`).
public enum MathFont: Hashable, Sendable {
    case calligraphic, doubleStruck, bold, boldItalic, fraktur, sansSerif, monospace, italic, roman

    /// Whether `\font{…}` styles every letter and digit of its argument (`\mathbf{SE(3)}`),
    /// rather than one symbol (`\mathcal{C}`, `\mathbb{R}`: alphabets for single letters).
    var coversWholeArgument: Bool {
        switch self {
        case .bold, .boldItalic, .sansSerif, .monospace, .fraktur: return true
        case .calligraphic, .doubleStruck, .italic, .roman: return false
        }
    }

    /// Maps letters and digits into this alphabet; other characters pass through.
    func apply(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            result.unicodeScalars.append(map(scalar))
        }
        return result
    }

    private func map(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let v = scalar.value
        let upper = (0x41...0x5A).contains(v) ? v - 0x41 : nil
        let lower = (0x61...0x7A).contains(v) ? v - 0x61 : nil
        let digit = (0x30...0x39).contains(v) ? v - 0x30 : nil
        let hole = Self.holes[self]?[scalar]
        if let hole { return hole }
        let (capitals, smalls, digits): (UInt32?, UInt32?, UInt32?) =
            switch self {
            case .bold: (0x1D400, 0x1D41A, 0x1D7CE)
            case .italic: (0x1D434, 0x1D44E, nil)
            case .boldItalic: (0x1D468, 0x1D482, 0x1D7CE)
            case .calligraphic: (0x1D49C, 0x1D4B6, nil)
            case .fraktur: (0x1D504, 0x1D51E, nil)
            case .doubleStruck: (0x1D538, 0x1D552, 0x1D7D8)
            case .sansSerif: (0x1D5A0, 0x1D5BA, 0x1D7E2)
            case .monospace: (0x1D670, 0x1D68A, 0x1D7F6)
            case .roman: (nil, nil, nil)
            }
        if let upper, let capitals { return Unicode.Scalar(capitals + upper) ?? scalar }
        if let lower, let smalls { return Unicode.Scalar(smalls + lower) ?? scalar }
        if let digit, let digits { return Unicode.Scalar(digits + digit) ?? scalar }
        if self == .bold || self == .boldItalic, let greek = Self.boldGreek(v) { return greek }
        return scalar
    }

    /// Bold Greek: capitals Α…Ω at U+1D6A8, small α…ω at U+1D6C2.
    private static func boldGreek(_ v: UInt32) -> Unicode.Scalar? {
        if (0x391...0x3A9).contains(v), v != 0x3A2 { return Unicode.Scalar(0x1D6A8 + v - 0x391) }
        if (0x3B1...0x3C9).contains(v) { return Unicode.Scalar(0x1D6C2 + v - 0x3B1) }
        return nil
    }

    /// Letters Unicode encoded earlier, in the Letterlike Symbols block.
    private static let holes: [MathFont: [Unicode.Scalar: Unicode.Scalar]] = [
        .italic: ["h": "\u{210E}"],
        .calligraphic: [
            "B": "\u{212C}", "E": "\u{2130}", "F": "\u{2131}", "H": "\u{210B}", "I": "\u{2110}",
            "L": "\u{2112}", "M": "\u{2133}", "R": "\u{211B}", "e": "\u{212F}", "g": "\u{210A}", "o": "\u{2134}",
        ],
        .fraktur: ["C": "\u{212D}", "H": "\u{210C}", "I": "\u{2111}", "R": "\u{211C}", "Z": "\u{2128}"],
        .doubleStruck: [
            "C": "\u{2102}", "H": "\u{210D}", "N": "\u{2115}", "P": "\u{2119}", "Q": "\u{211A}",
            "R": "\u{211D}", "Z": "\u{2124}",
        ],
    ]
}
