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
        let title = paper.title.plainText
        let query = encode(title)
        links.append(
            PaperLink(url: "https://arxiv.org/search/?query=\(query)&searchtype=title", label: "Find on arXiv"))
        links.append(PaperLink(url: "https://huggingface.co/papers?q=\(query)", label: "Find on Hugging Face"))
        links.append(
            PaperLink(
                url: "https://scholar.google.com/scholar?q=\(encode("\"" + title + "\""))", label: "Google Scholar"))
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

    /// Where each `arxiv`, in any case, ends: matched on UTF-8 bytes (`| 0x20` lowercases an
    /// ASCII letter and maps no other byte onto one), as every abstract is searched.
    private static func markerEnds(in text: String) -> [String.Index] {
        var bytes = text
        let marker = Self.marker
        let offsets = bytes.withUTF8 { bytes in
            var ends: [Int] = []
            var matched = 0
            for (offset, byte) in bytes.enumerated() {
                let lowered = byte | 0x20
                // No proper prefix of "arxiv" is also its suffix: a mismatch restarts at "a".
                matched = lowered == marker[matched] ? matched + 1 : (lowered == marker[0] ? 1 : 0)
                if matched == marker.count {
                    ends.append(offset + 1)
                    matched = 0
                }
            }
            return ends
        }
        return offsets.map { text.utf8.index(text.utf8.startIndex, offsetBy: $0) }
    }

    private static let marker = Array("arxiv".utf8)

    /// A query-string value: everything but unreserved characters (`A-Z a-z 0-9 - . _ ~`)
    /// percent-encoded, byte by byte of the UTF-8.
    static func encode(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count * 2)
        for byte in text.utf8 {
            switch byte {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x2E, 0x5F, 0x7E:
                bytes.append(byte)
            default:
                bytes.append(0x25)
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
