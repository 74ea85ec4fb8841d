import DigestTestSupport
import Foundation
import Testing

@testable import DigestCore

@Suite("Math recovery never loses text, never crashes, never hangs")
struct MathRobustnessTests {
    static let englishWords = [
        "the", "model", "we", "show", "that", "times", "in", "to", "it", "sim", "log", "lambda", "functions",
        "multiple", "faster", "probability", "less", "than", "well", "cell", "meta", "one", "bin", "least",
        "circle", "thetas", "alphabet", "sometimes", "partial", "top", "star", "bullet", "approx", "Phi",
    ]
    static let mathWords = [
        "mathcal", "varepsilon", "leq", "geq", "Omega", "alpha", "frac", "sqrt", "mathbf", "widetilde", "big",
        "left", "right", "text", "textbf", "textit", "url", "deltageq", "nLvarepsilon", "Min", "Uin", "pm",
        "infty", "ell", "mathfrak", "operatorname", "bf", "it",
    ]
    static let pieces = [
        "^", "_", "{", "}", "(", ")", "[", "]", "$", "\\", "'", "''", "``", "--", "~", "%", "&", "#", "=", "<",
        ">", "+", "-", "*", "/", "|", ",", ".", ":", ";", "@", "\\(", "\\)", "\\[", "\\]", "\\'", "\\\"", "\\%",
        "https://github.com/a/b", "1", "2", "11.0", "0.93", "64", "x", "n", "d", "k", "A", "I", "é", "ń",
    ]

    static func randomText(_ random: inout SeededRandom, length: Int) -> String {
        var text = ""
        for _ in 0..<length {
            switch Int.random(in: 0..<10, using: &random) {
            case 0...2: text += englishWords.randomElement(using: &random) ?? ""
            case 3...5: text += mathWords.randomElement(using: &random) ?? ""
            default: text += pieces.randomElement(using: &random) ?? ""
            }
            if Bool.random(using: &random) { text += " " }
        }
        return text
    }

    /// Words the normaliser may legitimately consume: command names, fused command names
    /// (`deltageq`), and the words of text commands.
    static func isCommandLike(_ word: String) -> Bool {
        let known: Set<String> = ["textit", "textbf", "textsc", "texttt", "emph", "url", "href", "text", "it", "bf"]
        if known.contains(word) || MathVocabulary.command(word) != nil { return true }
        let pieces = WordSplitter.split(word) ?? []
        return pieces.contains { !$0.isLetter }
    }

    /// Runs of ASCII letters, runs of digits, and single other letters: the units command
    /// names are made of.
    static func words(in text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var currentIsDigit = false
        for c in text {
            let isDigit = c.isASCII && c.isNumber
            if c.isLetter && !c.isASCII {
                if !current.isEmpty { words.append(current) }
                words.append(String(c))
                current = ""
            } else if c.isLetter || isDigit {
                if !current.isEmpty && isDigit != currentIsDigit {
                    words.append(current)
                    current = ""
                }
                current.append(c)
                currentIsDigit = isDigit
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    static func fold(_ text: String) -> String {
        text.precomposedStringWithCompatibilityMapping
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
    }

    @Test("every alphanumeric word that is not a command name survives into the plain text")
    func wordsSurvive() {
        var random = SeededRandom(state: 2026)
        for _ in 0..<3000 {
            let input = Self.randomText(&random, length: Int.random(in: 1...30, using: &random))
            let (text, _) = RichTextParser().parse(input)
            // Scripts and primes may sit between letters (`x_we` is x_w e, as in TeX); what
            // must hold is that no letter or digit of a word is lost or reordered.
            let plain = Self.fold(text.plainText).filter { $0.isLetter || $0.isNumber }
            for word in Self.words(in: input) where !Self.isCommandLike(word) {
                #expect(plain.contains(Self.fold(word)), "'\(word)' lost from '\(input)' → '\(text.plainText)'")
            }
        }
    }

    @Test("random Unicode, control characters and broken syntax never crash")
    func fuzz() {
        var random = SeededRandom(state: 7)
        let alphabet: [Unicode.Scalar] =
            Array("{}[]()^_$\\'\"`~-=+<>|/.,;:!?@#%& \t\nabcxyzRONSDAT0123456789".unicodeScalars)
            + ["\u{0}", "\u{7}", "\u{301}", "\u{FEFF}", "\u{1F600}", "é", "ε", "∑", "\u{202E}", "\u{FFFD}"]
        for _ in 0..<3000 {
            var scalars = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 0...120, using: &random) {
                scalars.append(alphabet.randomElement(using: &random) ?? "x")
            }
            let input = String(scalars)
            let (text, _) = RichTextParser().parse(input)
            _ = text.plainText
            let html = Markdown.html(paragraph: text.inlines)
            #expect(
                html.utf8.starts(with: "<p>".utf8) || html.isEmpty,
                "\(input.unicodeScalars.map { String($0.value, radix: 16) }) → \(html)")
        }
        // Grammar-shaped input reaches deeper into the parsers.
        for _ in 0..<3000 {
            let input = Self.randomText(&random, length: Int.random(in: 1...60, using: &random))
            let (text, _) = RichTextParser().parse(input)
            #expect(!Markdown.html(paragraph: text.inlines).isEmpty || input.allSatisfy(\.isWhitespace))
        }
    }

    @Test(
        "100 000 nested braces, groups and scripts: no stack overflow, nothing lost",
        arguments: [
            ("{", "x", "}"), ("\\textit{", "x", "}"), ("{it ", "x", "}"), ("$", "x", "$"), ("(", "x", ")"),
            ("\\(", "x", "\\)"), ("mathcal{", "x", "}"), ("x^{", "y", "}"), ("sqrt{", "x", "}"), ("[", "x", "]"),
        ])
    func deepNesting(open: String, middle: String, close: String) {
        let depth = 100_000
        let input = String(repeating: open, count: depth) + middle + String(repeating: close, count: depth)
        let (text, _) = RichTextParser().parse(input)
        #expect(Self.fold(text.plainText).contains(middle), "styled or raised, the letter is still there")
        let html = Markdown.html(paragraph: text.inlines)
        #expect(html.utf8.starts(with: "<p>".utf8))
    }

    @Test("long chains stay shallow: a^a^a^…, hat hat hat …, unclosed delimiters")
    func chains() {
        let inputs = [
            "$" + String(repeating: "a^", count: 50_000) + "a$",
            "$" + String(repeating: "hat ", count: 50_000) + "x$",
            String(repeating: "\\(", count: 50_000),
            String(repeating: "$x", count: 50_000),
            String(repeating: "{", count: 100_000),
            String(repeating: "}", count: 100_000),
            String(repeating: "(]", count: 50_000),
            String(repeating: "mathcal ", count: 50_000),
        ]
        for input in inputs {
            let (text, _) = RichTextParser().parse(input)
            #expect(!Markdown.html(paragraph: text.inlines).isEmpty)
        }
    }

    @Test("a 5 MB line of abstracts is handled in one piece")
    func hugeLine() throws {
        let url = repositoryRoot.appendingPathComponent("Content/dumps/2026-03-12.txt")
        let dump = try String(contentsOf: url, encoding: .utf8)
        let paragraphs = dump.components(separatedBy: "\n\n").filter { $0.count > 300 }
        var line = ""
        while line.utf8.count < 5_000_000 { line += paragraphs.joined(separator: " ") + " " }
        let (text, _) = RichTextParser().parse(line)
        #expect(text.plainText.count > 4_000_000)
        #expect(text.inlines.contains { if case .math = $0 { return true } else { return false } })
    }
}
