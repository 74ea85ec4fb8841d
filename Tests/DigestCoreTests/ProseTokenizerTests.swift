import Testing

@testable import DigestCore

@Suite("Prose cut into tokens")
struct ProseTokenizerTests {
    /// Tokens as comparable text: kind, scalar range, inner capital.
    func described(_ tokens: [ProseToken]) -> [String] {
        tokens.map { "\($0.kind) \($0.start)..<\($0.end)\($0.hasInnerCapital ? " capital" : "")" }
    }

    func bothWays(_ text: String) -> (ascii: [String], scanned: [String]) {
        let scalars = Array(text.unicodeScalars)
        return (
            described(ProseTokenizer.asciiTokens(scalars)), described(ProseTokenizer.scannedTokens(scalars))
        )
    }

    @Test("words, numbers with their inner dots, runs of space and ties, one token per punctuation mark")
    func example() {
        let text = "muP 1.5x~~rhoSIM, 3.2.1.. a"
        let tokens = ProseTokenizer.tokens(Array(text.unicodeScalars))
        let pieces = tokens.map {
            String(String.UnicodeScalarView(text.unicodeScalars.dropFirst($0.start).prefix($0.length)))
        }
        #expect(pieces == ["muP", " ", "1.5", "x", "~~", "rhoSIM", ",", " ", "3.2.1", ".", ".", " ", "a"])
        #expect(
            tokens.map(\.kind) == [
                .word, .space, .number, .word, .space, .word, .punct, .space, .number, .punct, .punct, .space, .word,
            ])
        #expect(tokens.filter(\.hasInnerCapital).count == 2)
    }

    @Test("an all-ASCII text is cut as scanning a token at a time cuts it: every text of up to six characters")
    func asciiExhaustive() {
        let alphabet: [String] = ["a", "B", "1", ".", " ", "~", "-"]
        var texts = [""]
        var checked = 0
        for _ in 1...6 {
            texts = texts.flatMap { text in alphabet.map { text + $0 } }
            for text in texts {
                let (ascii, scanned) = bothWays(text)
                if ascii != scanned {
                    Issue.record("\(text.debugDescription): \(ascii) against \(scanned)")
                    return
                }
                checked += 1
            }
        }
        #expect(checked == 7 + 49 + 343 + 2_401 + 16_807 + 117_649)
    }

    @Test(
        "and long random texts of every ASCII character, controls included, or of a few, whose words, numbers and spaces run across the 64-character blocks the cut works in"
    )
    func asciiRandom() {
        var generator = SeededRandom(state: 12)
        let few = Array("aaaB11. .~-".unicodeScalars)
        for round in 0..<4_000 {
            let length = Int(generator.next() % 300)
            let scalars = (0..<length).map { _ in
                round % 2 == 0 ? Unicode.Scalar(UInt8(generator.next() % 128)) : few[Int(generator.next() % 11)]
            }
            let text = String(String.UnicodeScalarView(scalars))
            let (ascii, scanned) = bothWays(text)
            #expect(ascii == scanned, "\(text.debugDescription)")
        }
    }

    @Test("a text with any other character is scanned: a Greek letter glued to a Latin word starts a new one")
    func otherText() {
        let text = "φin sqrtκ naïve 2.5μm"
        let scalars = Array(text.unicodeScalars)
        let tokens = ProseTokenizer.tokens(scalars)
        let pieces = tokens.map { String(String.UnicodeScalarView(scalars[$0.start..<$0.end])) }
        #expect(pieces == ["φ", "in", " ", "sqrt", "κ", " ", "naïve", " ", "2.5", "μ", "m"])
        #expect(
            tokens.map(\.kind) == [.word, .word, .space, .word, .word, .space, .word, .space, .number, .word, .word])
        #expect(ProseTokenizer.tokens(Array("".unicodeScalars)).isEmpty)
    }
}
