/// Escaping for HTML text and attribute values: the one home of `&lt;` and friends (XML
/// and MathML use it too).
public enum HTML {
    /// Appends `text` escaped. Scans the UTF-8 bytes through a pointer (the five special
    /// characters are ASCII) and copies the runs between them whole, as most text has none.
    static func escape(_ text: String, into output: inout String) {
        var scanned = text
        scanned.withUTF8 { bytes in
            let utf8 = text.utf8
            var runStart = 0
            for offset in 0..<bytes.count {
                guard let entity = entity(for: bytes[offset]) else { continue }
                output.append(
                    contentsOf: text[
                        utf8.index(utf8.startIndex, offsetBy: runStart)..<utf8.index(utf8.startIndex, offsetBy: offset)]
                )
                output += entity.description
                runStart = offset + 1
            }
            if runStart == 0 {
                output += text
            } else {
                output.append(contentsOf: text[utf8.index(utf8.startIndex, offsetBy: runStart)...])
            }
        }
    }

    /// `escape(_:into:)` for a page made as bytes.
    static func escape(_ text: String, into output: inout [UInt8]) {
        var scanned = text
        scanned.withUTF8 { bytes in
            var runStart = 0
            for offset in 0..<bytes.count {
                guard let entity = entity(for: bytes[offset]) else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<offset]))
                output.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
                runStart = offset + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
    }

    /// What stands for `byte` in escaped text: one of the five special characters, all ASCII.
    private static func entity(for byte: UInt8) -> StaticString? {
        switch byte {
        case 0x26: "&amp;"
        case 0x3C: "&lt;"
        case 0x3E: "&gt;"
        case 0x22: "&quot;"
        case 0x27: "&#39;"
        default: nil
        }
    }

    public static func escape(_ text: String) -> String {
        var output = ""
        escape(text, into: &output)
        return output
    }
}
