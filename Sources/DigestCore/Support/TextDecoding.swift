import Foundation

/// Turns a file's bytes into text, accepting what people's editors and browsers really save.
///
/// UTF-8 (with or without a byte-order mark) is the norm. UTF-16 with a byte-order mark is
/// decoded as such. Bytes that are not valid UTF-8 are read one by one as Windows-1252, the
/// usual culprit, so no character is dropped; a warning names the first such byte.
public enum TextDecoding {
    public static func decode(_ file: SourceFile) -> (text: String, diagnostics: [Diagnostic]) {
        let bytes = [UInt8](file.data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let encoding: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            if let text = String(data: Data(bytes.dropFirst(2)), encoding: encoding) {
                return (text, [])
            }
            return (
                "",
                [
                    .error(
                        "file starts with a UTF-16 byte-order mark but is not valid UTF-16",
                        at: SourceLocation(path: file.path, line: 1))
                ]
            )
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        if let text = String(validating: body, as: UTF8.self) {
            return (text, [])
        }
        return decodeMixed(body, path: file.path)
    }

    /// Decodes valid UTF-8 sequences as UTF-8 and every other byte as Windows-1252.
    private static func decodeMixed(_ bytes: ArraySlice<UInt8>, path: String) -> (String, [Diagnostic]) {
        var scalars = String.UnicodeScalarView()
        var invalidCount = 0
        var firstInvalid: (location: SourceLocation, byte: UInt8)?
        var line = 1
        var column = 1
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if let (scalar, length) = utf8Scalar(in: bytes, at: index) {
                scalars.append(scalar)
                index += length
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                continue
            }
            invalidCount += 1
            if firstInvalid == nil { firstInvalid = (SourceLocation(path: path, line: line, column: column), byte) }
            scalars.append(windows1252(byte))
            index += 1
            column += 1
        }
        let first = firstInvalid.map { "first: 0x" + String($0.byte, radix: 16, uppercase: true) } ?? ""
        let message =
            "file is not valid UTF-8 (\(count(invalidCount, "invalid byte")), \(first)); "
            + "read as Windows-1252; save the file as UTF-8 to silence this"
        return (String(scalars), [.warning(message, at: firstInvalid?.location)])
    }

    /// The scalar encoded at `index` and its length, or nil when the bytes there are not valid UTF-8.
    private static func utf8Scalar(in bytes: ArraySlice<UInt8>, at index: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[index]
        let length: Int
        var value: UInt32
        switch lead {
        case 0x00...0x7F: return (Unicode.Scalar(lead), 1)
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return nil
        }
        guard index + length <= bytes.endIndex else { return nil }
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard byte & 0xC0 == 0x80 else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return nil }
        return (scalar, length)
    }

    /// Windows-1252 differs from Latin-1 only in 0x80...0x9F.
    private static func windows1252(_ byte: UInt8) -> Unicode.Scalar {
        let high: [UInt32] = [
            0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
            0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
            0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
            0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
        ]
        if (0x80...0x9F).contains(byte) {
            return Unicode.Scalar(high[Int(byte - 0x80)]) ?? "\u{FFFD}"
        }
        return Unicode.Scalar(byte)
    }
}
