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
                let entity: String
                switch bytes[offset] {
                case 0x26: entity = "&amp;"
                case 0x3C: entity = "&lt;"
                case 0x3E: entity = "&gt;"
                case 0x22: entity = "&quot;"
                case 0x27: entity = "&#39;"
                default: continue
                }
                output.append(
                    contentsOf: text[
                        utf8.index(utf8.startIndex, offsetBy: runStart)..<utf8.index(utf8.startIndex, offsetBy: offset)]
                )
                output += entity
                runStart = offset + 1
            }
            if runStart == 0 {
                output += text
            } else {
                output.append(contentsOf: text[utf8.index(utf8.startIndex, offsetBy: runStart)...])
            }
        }
    }

    public static func escape(_ text: String) -> String {
        var output = ""
        escape(text, into: &output)
        return output
    }
}
