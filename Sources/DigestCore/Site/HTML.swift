/// Escaping for HTML text and attribute values: the one home of `&lt;` and friends (XML
/// and MathML use it too).
public enum HTML {
    /// Appends `text` escaped. Works on UTF-8 bytes (the five special characters are ASCII)
    /// and copies the runs between them whole, as most text has none.
    static func escape(_ text: String, into output: inout String) {
        let bytes = text.utf8
        var runStart = bytes.startIndex
        var index = runStart
        while index != bytes.endIndex {
            let entity: String
            switch bytes[index] {
            case 0x26: entity = "&amp;"
            case 0x3C: entity = "&lt;"
            case 0x3E: entity = "&gt;"
            case 0x22: entity = "&quot;"
            case 0x27: entity = "&#39;"
            default:
                bytes.formIndex(after: &index)
                continue
            }
            output.append(contentsOf: text[runStart..<index])
            output += entity
            bytes.formIndex(after: &index)
            runStart = index
        }
        if runStart == bytes.startIndex {
            output += text
        } else {
            output.append(contentsOf: text[runStart...])
        }
    }

    public static func escape(_ text: String) -> String {
        var output = ""
        escape(text, into: &output)
        return output
    }
}
