import Glibc

/// One click from a paper page to the paper itself. The dumps carry no identifiers, so a
/// page links what its abstract names (code, data, an arXiv id) and searches for the exact
/// title on arXiv, Hugging Face and Google Scholar.
enum OutboundLinks {
    /// Links named in the abstract first, then an arXiv id found in the text, then searches.
    static func of(_ paper: Paper) -> [PaperLink] {
        var links = paper.links
        let known = Set(links.map(\.url))
        for id in arxivIDs(in: paper.abstract.plainText) {
            let url = "https://arxiv.org/abs/\(id)"
            if !known.contains(url) { links.append(PaperLink(url: url, label: "arXiv \(id)")) }
        }
        let query = encode(paper.title.plainText)
        links.append(
            PaperLink(
                url: String.joined("https://arxiv.org/search/?query=", query, "&searchtype=title"),
                label: "Find on arXiv"))
        links.append(
            PaperLink(url: String.joined("https://huggingface.co/papers?q=", query), label: "Find on Hugging Face"))
        // The exact title in quotes: encoding goes byte by byte, and `"` is `%22`.
        links.append(
            PaperLink(
                url: String.joined("https://scholar.google.com/scholar?q=%22", query, "%22"), label: "Google Scholar"))
        return links
    }

    /// New-style arXiv identifiers written as `arXiv:2403.01234` or `arxiv.org/abs/…`, once each.
    static func arxivIDs(in text: String) -> [String] {
        var found: [String] = []
        for markerEnd in markerEnds(in: text) {
            var tail = text[markerEnd...]
            for prefix in [".org/abs/", ".org/pdf/", ":", " "] where tail.hasPrefix(prefix) {
                tail = tail.dropFirst(prefix.count)
                break
            }
            let digits = tail.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
            let parts = digits.split(separator: ".", omittingEmptySubsequences: false)
            if parts.count >= 2, parts[0].count == 4, (4...5).contains(parts[1].count) {
                let id = "\(parts[0]).\(parts[1])"
                if !found.contains(id) { found.append(id) }
            }
        }
        return found
    }

    /// Where each `arxiv`, in any case, ends, matched on UTF-8 bytes (`| 0x20` lowercases an
    /// ASCII letter and maps no other byte onto one). Its `x` is rare in prose: the `x`s are
    /// found with `memchr`, many bytes at a time, and only their neighbours compared.
    private static func markerEnds(in text: String) -> [String.Index] {
        let offsets = text.withUTF8Bytes { bytes -> [Int] in
            guard let base = bytes.baseAddress else { return [] }
            var ends: [Int] = []
            for x in [UInt8(ascii: "x"), UInt8(ascii: "X")] {
                var start = 2
                while start + 2 < bytes.count,
                    let found = memchr(base + start, Int32(x), bytes.count - 2 - start)
                {
                    let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    if bytes[at - 2] | 0x20 == UInt8(ascii: "a"), bytes[at - 1] | 0x20 == UInt8(ascii: "r"),
                        bytes[at + 1] | 0x20 == UInt8(ascii: "i"), bytes[at + 2] | 0x20 == UInt8(ascii: "v")
                    {
                        ends.append(at + 3)
                    }
                    start = at + 1
                }
            }
            return ends.sorted()
        }
        return offsets.map { text.utf8.index(text.utf8.startIndex, offsetBy: $0) }
    }

    /// A query-string value: everything but unreserved characters (`A-Z a-z 0-9 - . _ ~`)
    /// percent-encoded, byte by byte of the UTF-8. Written into a buffer three times the
    /// text's size, each byte by a table: the result is ASCII.
    static func encode(_ text: String) -> String {
        // Read once: a static is checked for its first use at every read.
        let (kept, hex) = (keptBytes, hexDigits)
        return text.withUTF8Bytes { bytes in
            String(unsafeUninitializedCapacity: bytes.count * 3) { encoded in
                var count = 0
                for byte in bytes {
                    if kept[Int(byte)] {
                        encoded[count] = byte
                        count += 1
                    } else {
                        encoded[count] = 0x25
                        encoded[count + 1] = hex[Int(byte >> 4)]
                        encoded[count + 2] = hex[Int(byte & 0x0F)]
                        count += 3
                    }
                }
                return count
            }
        }
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)
    /// The bytes a query keeps as they are.
    private static let keptBytes: [Bool] = (0...255).map { byte in
        switch UInt8(byte) {
        case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x2E, 0x5F, 0x7E: true
        default: false
        }
    }
}
