import Foundation

/// Where the site is published: `https://user.github.io/repo/` or just a path like `/repo/`.
///
/// Internal links use `path` (so the site works on any host, including the preview server);
/// feeds, the sitemap and canonical links need `origin` to be absolute.
public struct BaseURL: Hashable, Sendable, CustomStringConvertible {
    /// `https://user.github.io`, or nil when only a path was given.
    public var origin: String?
    /// Starts and ends with `/`: `/` or `/repo/`.
    public var path: String

    public static let root = BaseURL(origin: nil, path: "/")

    public init(origin: String?, path: String) {
        self.origin = origin
        self.path = path
    }

    /// Nil when `text` is neither an http(s) URL nor a path.
    public init?(_ text: String) {
        var text = text.trimmingCharacters(in: .whitespaces)
        // A line break or other control character would end a line of robots.txt early.
        if text.isEmpty || text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            return nil
        }
        var origin: String?
        let lower = text.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") {
            let afterScheme = text.index(text.startIndex, offsetBy: lower.hasPrefix("https://") ? 8 : 7)
            let slash = text[afterScheme...].firstIndex(of: "/") ?? text.endIndex
            let host = text[afterScheme..<slash]
            // `user:password@host` would publish a password in every feed and page.
            guard !host.isEmpty, !host.contains(where: { $0 == " " || $0 == "?" || $0 == "#" || $0 == "@" }) else {
                return nil
            }
            origin = String(text[..<slash])
            text = String(text[slash...])
        } else if !text.hasPrefix("/") {
            return nil
        }
        guard !text.contains(where: { $0 == "?" || $0 == "#" || $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" }),
            !text.split(separator: "/").contains(where: { $0 == ".." || $0 == "." })
        else { return nil }
        if !text.hasPrefix("/") { text = "/" + text }
        if !text.hasSuffix("/") { text += "/" }
        while text.contains("//") { text = text.replacingOccurrences(of: "//", with: "/") }
        self.origin = origin
        self.path = text
    }

    public var description: String { (origin ?? "") + path }
}
