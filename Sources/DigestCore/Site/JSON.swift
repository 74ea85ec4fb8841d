/// JSON written by hand for the few shapes the site needs (JSON-LD, the search index):
/// several times faster than `JSONSerialization`, and safe inside an HTML `<script>`.
enum JSON {
    /// `text` as a quoted JSON string; `<`, `>` and `&` are escaped so the result can sit
    /// in a `<script>` element, and U+2028/U+2029 so it is valid JavaScript too.
    static func string(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count + 2)
        append(text, to: &result)
        return result
    }

    /// An object from key/value pairs whose values are already JSON, in the order given.
    static func object(_ members: [(String, String)]) -> String {
        var result = "{"
        result.reserveCapacity(members.reduce(2) { $0 + $1.0.utf8.count + $1.1.utf8.count + 4 })
        for (index, member) in members.enumerated() {
            if index > 0 { result += "," }
            append(member.0, to: &result)
            result += ":"
            result += member.1
        }
        return result + "}"
    }

    static func array(_ items: [String]) -> String {
        "[" + items.joined(separator: ",") + "]"
    }

    /// Appends `text` quoted. Most strings (titles, URLs, dates) need no escape: they are
    /// appended whole after one look at each byte; the others are escaped as bytes.
    static func append(_ text: String, to result: inout String) {
        var scanned = text
        let plain = scanned.withUTF8 { bytes in bytes.allSatisfy { !mayEscape($0) } }
        if plain {
            result += "\""
            result += text
            result += "\""
            return
        }
        var bytes: [UInt8] = []
        append(text, to: &bytes)
        result += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` quoted to UTF-8 `bytes`, copying the runs between escapes whole:
    /// every character to escape is ASCII but U+2028/U+2029 (`E2 80 A8`/`E2 80 A9`).
    static func append(_ text: String, to result: inout [UInt8]) {
        result.append(0x22)
        var scanned = text
        scanned.withUTF8 { bytes in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard mayEscape(byte) else {
                    index += 1
                    continue
                }
                var next = index + 1
                let escape: String
                switch byte {
                case 0x22: escape = "\\\""
                case 0x5C: escape = "\\\\"
                case 0x0A: escape = "\\n"
                case 0x0D: escape = "\\r"
                case 0x09: escape = "\\t"
                case 0x3C: escape = "\\u003c"
                case 0x3E: escape = "\\u003e"
                case 0x26: escape = "\\u0026"
                case 0x00..<0x20:
                    let hex = String(byte, radix: 16)
                    escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                case 0xE2
                where index + 2 < bytes.count && bytes[index + 1] == 0x80
                    && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                    escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    next = index + 3
                default:
                    index = next
                    continue
                }
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                result.append(contentsOf: escape.utf8)
                index = next
                runStart = next
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
        }
        result.append(0x22)
    }

    /// Whether a byte may start an escape (`E2` only may: most of its sequences stay).
    private static func mayEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x3C || byte == 0x3E || byte == 0x26 || byte == 0xE2
    }
}
