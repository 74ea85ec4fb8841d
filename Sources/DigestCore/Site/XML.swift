/// Escaping for XML text and attribute values (feeds, sitemap).
enum XML {
    static func escape(_ text: String) -> String {
        // Most texts (URLs, dates) need nothing: no copy for them.
        if text.utf8.allSatisfy({
            $0 >= 0x20 && $0 < 0x7F && $0 != 0x26 && $0 != 0x3C && $0 != 0x3E && $0 != 0x22 && $0 != 0x27
        }) {
            return text
        }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default:
                // Characters XML 1.0 forbids never reach a feed.
                let v = scalar.value
                if v == 0x9 || v == 0xA || v == 0xD || (0x20...0xD7FF).contains(v) || (0xE000...0xFFFD).contains(v)
                    || v >= 0x10000
                {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
