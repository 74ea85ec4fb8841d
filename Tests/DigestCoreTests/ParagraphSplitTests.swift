import Foundation
import Testing

@testable import DigestCore

@Suite("Dump text split into paragraphs")
struct ParagraphSplitTests {
    /// The definition: lines end at any Unicode line break (CR LF once); in a line, runs of
    /// whitespace and control characters are one space, bidirectional controls go, and the
    /// ends are trimmed; blank lines end paragraphs, whose lines are joined by spaces.
    static func reference(_ text: String) -> [String] {
        var paragraphs: [String] = []
        var current: [String] = []
        let unified = text.replacingOccurrences(of: "\r\n", with: "\n")
        for line in unified.unicodeScalars.split(
            omittingEmptySubsequences: false,
            whereSeparator: { [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029].contains($0.value) })
        {
            var words: [String] = []
            var word = String.UnicodeScalarView()
            for scalar in line {
                let control = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                if ProseTokenizer.isSpace(scalar) || control {
                    if !word.isEmpty { words.append(String(word)) }
                    word = String.UnicodeScalarView()
                } else if !Paragraph.isBidiControl(scalar) {
                    word.append(scalar)
                }
            }
            if !word.isEmpty { words.append(String(word)) }
            if words.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                current = []
            } else {
                current.append(words.joined(separator: " "))
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        return paragraphs
    }

    @Test("random texts split as the definition says, lines read eight bytes at a time or one by one")
    func randomTexts() {
        // Long words so that runs cross the eight-byte blocks; breaks and spaces of every kind.
        let pieces = [
            "Transformers", "of", "a", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "é", "–", "\u{2028}", "\u{85}",
            "\u{A0}", "\u{202E}", "\u{1}", "\u{7F}", "x", "\u{0B}", "attention-based", "12345678",
        ]
        var generator = SeededRandom(state: 5)
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
                pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }.joined()
            var diagnostics: [Diagnostic] = []
            let split = Paragraph.split(text, path: "t.txt", diagnostics: &diagnostics).map(\.text)
            #expect(split == Self.reference(text), "\(text.debugDescription)")
        }
    }
}
