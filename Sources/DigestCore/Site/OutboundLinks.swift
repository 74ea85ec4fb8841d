import Foundation

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
        var rest = Substring(text)
        while let marker = rest.range(of: "arxiv", options: .caseInsensitive) {
            var tail = rest[marker.upperBound...]
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
            rest = rest[marker.upperBound...]
        }
        return found
    }

    /// A query-string value: everything but unreserved characters percent-encoded.
    static func encode(_ text: String) -> String {
        let allowed = CharacterSet(
            charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
