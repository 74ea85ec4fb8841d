import Foundation
import Testing

@testable import DigestCore

@Suite("Texts searched on their bytes")
struct StringBytesTests {
    @Test("a needle is found at the start, in the middle after a false start, at the very end, and never past it")
    func containsBytes() {
        #expect("<math display>".containsBytes("<math"))
        #expect("a <mat <math>".containsBytes("<math"))
        #expect("x ≤ <math".containsBytes("<math"))
        #expect(!"x ≤ <mat".containsBytes("<math"))
        #expect(!"<ma".containsBytes("<math"))
        #expect(!"".containsBytes("<math"))
        #expect("é<math>é".containsBytes("<math>é"))
        #expect(!"<<<<<".containsBytes("<<<<<<"))
        #expect("<<<<<<".containsBytes("<<<<<<"))
    }

    @Test("a text's UTF-8 compared with bytes: equal, a prefix, longer, one byte off, empty")
    func hasUTF8() {
        func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
        #expect(bytes("naïve").withUnsafeBufferPointer { "naïve".hasUTF8($0) })
        #expect(!bytes("naïv").withUnsafeBufferPointer { "naïve".hasUTF8($0) })
        #expect(!bytes("naïves").withUnsafeBufferPointer { "naïve".hasUTF8($0) })
        #expect(!bytes("naïvf").withUnsafeBufferPointer { "naïve".hasUTF8($0) })
        #expect(bytes("").withUnsafeBufferPointer { "".hasUTF8($0) })
        #expect(!bytes("").withUnsafeBufferPointer { "a".hasUTF8($0) })
    }

    @Test("the text HTML shows: tags dropped, the five entities read back, any other kept, ends trimmed")
    func shownText() {
        #expect(HTML.shownText("<p>a &lt;b&gt; &amp; &quot;c&quot; &#39;d&#39;</p>\n") == "a <b> & \"c\" 'd'")
        #expect(HTML.shownText("<p>x <math><mi>γ</mi><mo>→</mo></math> y</p>") == "x γ→ y")
        #expect(HTML.shownText("&nbsp;&amp &ampx &amp;x") == "&nbsp;&amp &ampx &x")
        #expect(HTML.shownText(" \n<em>é</em> <a href=\"/x?a&amp;b\">link</a>\n ") == "é link")
        #expect(HTML.shownText("") == "")
        #expect(HTML.shownText("<p>") == "")
        for text in ["a < b & c > \"d\" 'e'", "plain", "é ü &", "&amp;"] {
            #expect(HTML.shownText("<p>" + HTML.escape(text) + "</p>\n") == text)
        }
    }

    @Test("escaping replaces the five special characters and passes every other character through")
    func escapeEveryByte() {
        let entities: [Unicode.Scalar: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;"]
        // Every ASCII character (on both sides of 63 and 64, where the test is split), and
        // characters whose UTF-8 bytes are all above them.
        let scalars = (0..<128).compactMap(Unicode.Scalar.init) + ["é", "≤", "𝑥"]
        for scalar in scalars {
            let text = "a" + String(scalar) + "b"
            let expected = "a" + (entities[scalar] ?? String(scalar)) + "b"
            #expect(HTML.escape(text) == expected, "U+\(String(scalar.value, radix: 16))")
            let output = ByteBuffer(capacity: 8)
            HTML.escape(text, into: output)
            #expect(output.withBytes { String(decoding: $0, as: UTF8.self) } == expected)
        }
    }

    @Test("escaping finds a special character at every place of a text, inside or across its words of eight bytes")
    func escapeEveryPlace() {
        for length in 1...20 {
            for place in 0..<length {
                for special in ["&", "<", ">", "\"", "'", "é"] {
                    var characters = Array(repeating: "x", count: length)
                    characters[place] = special
                    characters[length - 1] = characters[length - 1] == "x" ? "y" : characters[length - 1]
                    let text = characters.joined()
                    let expected = text.replacingOccurrences(of: "&", with: "&amp;")
                        .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
                        .replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: "'", with: "&#39;")
                    let output = ByteBuffer(capacity: 8)
                    HTML.escape(text, into: output)
                    #expect(output.withBytes { String(decoding: $0, as: UTF8.self) } == expected, "\(text)")
                }
            }
        }
    }

    @Test("eight bytes tested together: a byte is found at each of the eight places, under a mask, and never wrongly")
    func byteWords() {
        for place in 0..<8 {
            for byte in 0...255 {
                // The other seven bytes: a letter, or a byte one off the one looked for.
                for filler in [UInt8(ascii: "a"), UInt8(truncatingIfNeeded: byte + 1)] {
                    var bytes = Array(repeating: filler, count: 8)
                    bytes[place] = UInt8(byte)
                    let word = bytes.withUnsafeBufferPointer { ByteWord.load($0, at: 0) }
                    #expect(ByteWord.isASCII(word) == bytes.allSatisfy { $0 < 0x80 })
                    for wanted: UInt8 in [0x22, 0x26, 0x3C, 0x7B, 0x80, 0xFF] {
                        #expect(ByteWord.holds(word, wanted) == bytes.contains(wanted), "\(bytes) \(wanted)")
                    }
                    #expect(
                        ByteWord.holds(word, 0x26, mask: 0xFE) == bytes.contains { $0 == 0x26 || $0 == 0x27 },
                        "\(bytes)")
                }
            }
        }
    }

    @Test("bytes below a limit told exactly at each place, whatever the others are")
    func byteWordsBelow() {
        var generator = SeededRandom(state: 11)
        for round in 0..<4_000 {
            // Half the words drawn from bytes around the limits, so that neighbours borrow.
            let pool: [UInt8] = [0x00, 0x09, 0x0D, 0x0E, 0x1F, 0x20, 0x21, 0x7F, 0x80, 0xC2, 0xE2, 0xFF]
            let bytes = (0..<8).map { _ in
                round % 2 == 0
                    ? pool[Int(generator.next() % UInt64(pool.count))] : UInt8(truncatingIfNeeded: generator.next())
            }
            let word = bytes.withUnsafeBufferPointer { ByteWord.load($0, at: 0) }
            for limit: UInt8 in [0x0E, 0x20, 0x80] {
                #expect(ByteWord.holdsBelow(word, limit) == bytes.contains { $0 < limit }, "\(bytes) \(limit)")
            }
        }
    }

    @Test("the low bits of eight bytes gathered in order, whatever the other bits; fewer bytes loaded as zeros")
    func lowBitsOfBytes() {
        var generator = SeededRandom(state: 3)
        for _ in 0..<2_000 {
            let bytes = (0..<8).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let word = bytes.withUnsafeBufferPointer { ByteWord.load($0, at: 0) }
            let expected = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element & 1) << UInt64($1.offset) }
            #expect(ByteWord.lowBits(word) == expected, "\(bytes)")
            let available = Int(generator.next() % 9)
            let partial = bytes.withUnsafeBufferPointer { ByteWord.load($0, at: 0, available: available) }
            #expect(partial == (available == 8 ? word : word & ((1 << UInt64(8 * available)) - 1)), "\(bytes)")
        }
    }

    @Test("a text's scalars decoded eight ASCII bytes at a time or one by one; braces, dollars, backslashes noted")
    func proseScalars() {
        let pieces = ["plain words", "é", "{", "$", "\\", "≤", "𝑥", "12345678", "a"]
        var generator = SeededRandom(state: 7)
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }.joined()
            var seen = Set<UInt8>()
            #expect(ProseParser.scalars(of: text, noting: &seen) == Array(text.unicodeScalars), "\(text)")
            #expect(seen == Set("{$\\".utf8.filter { text.utf8.contains($0) }), "\(text)")
        }
    }

    @Test("UTF-16 order compared on bytes: as JavaScript sorts, surrogates below U+E000–U+FFFF")
    func utf16Order() {
        let texts = [
            "", "a", "ab", "abc", "b", "z", "é", "ée", "\u{7FF}", "\u{800}", "\u{D7FF}", "\u{E000}", "\u{E000}a",
            "\u{FB00}", "\u{FFFD}", "\u{10000}", "\u{1D465}", "\u{1D465}b", "\u{10FFFF}", "a\u{1D465}", "a\u{FFFD}",
        ]
        for left in texts {
            for right in texts {
                #expect(
                    left.precedesInUTF16Order(right) == left.utf16.lexicographicallyPrecedes(right.utf16),
                    "\(left.unicodeScalars.map(\.value)) before \(right.unicodeScalars.map(\.value))")
            }
        }
    }

    @Test("a fingerprint reads its last bytes as one little-endian word, whatever their number")
    func fingerprintTail() {
        // The definition, a byte at a time: eight-byte words, then the rest with the length.
        func reference(_ bytes: [UInt8]) -> UInt64 {
            var value: UInt64 = 0xcbf2_9ce4_8422_2325
            func mix(_ word: UInt64) {
                value = (value ^ word) &* 0x9E37_79B9_7F4A_7C15
                value ^= value >> 31
            }
            var index = 0
            while index + 8 <= bytes.count {
                mix((0..<8).reduce(0) { $0 | UInt64(bytes[index + $1]) << (8 * UInt64($1)) })
                index += 8
            }
            let tail = (index..<bytes.count).reduce(UInt64(0)) { $0 | UInt64(bytes[$1]) << (8 * UInt64($1 - index)) }
            mix(tail ^ (UInt64(bytes.count) << 56))
            return value
        }
        let text = "ab\u{e9}cdefgh\u{1D465}ijklmnop"
        for length in 0...text.utf8.count {
            let bytes = Array(text.utf8.prefix(length))
            #expect(bytes.withUnsafeBufferPointer { Fingerprint.of($0) } == reference(bytes), "\(length) bytes")
        }
        #expect(Fingerprint.of("word") == reference(Array("word".utf8)))
    }

    @Test("a file's fingerprint reads every byte in its four lanes and its tail, and stays what manifests recorded")
    func contentsFingerprint() {
        let bytes = (0..<101).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        let print = Fingerprint.ofContents(Data(bytes))
        #expect(Fingerprint.ofContents(Data(bytes)) == print)
        for index in bytes.indices {
            var changed = bytes
            changed[index] ^= 0x40
            #expect(Fingerprint.ofContents(Data(changed)) != print, "byte \(index)")
        }
        // A prefix differs from the whole, and lengths that fill the lanes exactly count too.
        #expect(Fingerprint.ofContents(Data(bytes.prefix(96))) != Fingerprint.ofContents(Data(bytes.prefix(97))))
        #expect(Fingerprint.ofContents(Data()) != Fingerprint.ofContents(Data([0])))
        // Manifests on disk hold these values: a change to the function must be deliberate.
        #expect(Fingerprint.ofContents(Data("<!doctype html>".utf8)) == 0xad58_8c51_a2d7_9864)
    }

    @Test("a byte buffer holds every piece in order across its growth, and starts again empty once its data is taken")
    func byteBuffer() {
        let buffer = ByteBuffer(capacity: 1)
        var expected: [UInt8] = []
        for length in 0..<300 {
            let piece = (0..<length).map { UInt8(truncatingIfNeeded: length &* 31 &+ $0) }
            piece.withUnsafeBufferPointer { buffer.append($0) }
            expected += piece
        }
        buffer.append("é and ✓")
        expected += Array("é and ✓".utf8)
        #expect(buffer.count == expected.count)
        #expect(buffer.withBytes { Array($0) } == expected)
        #expect(buffer.takeData() == Data(expected))
        #expect(buffer.count == 0)
        buffer.append("again")
        #expect(buffer.takeData() == Data("again".utf8))
    }
}
