/// A title or abstract ready for pages: its HTML, its plain Unicode form and its links.
///
/// This is what the catalog keeps of a text: the parsed inline tree is dropped once these
/// are made, so a large archive holds strings, not trees.
public struct PaperText: Hashable, Sendable {
    /// HTML for pages. (Each string is read by itself where it is kept: taking the three
    /// parts first copied all three, a retain and a release each, for every one asked for,
    /// and pages ask for titles by the hundred.)
    public var html: String {
        switch storage {
        case .ready(let parts): parts.html
        case .held(let held): held.parts.html
        case .kept(let shelf, let location): shelf.parts(at: location).html
        }
    }

    /// Unicode text for `<title>`, meta descriptions, feed titles, search and slugs.
    public var plainText: String {
        switch storage {
        case .ready(let parts): parts.plainText
        case .held(let held): held.parts.plainText
        case .kept(let shelf, let location): shelf.parts(at: location).plainText
        }
    }

    /// Every link target, in order of appearance, without repeats.
    public var links: [String] {
        switch storage {
        case .ready(let parts): parts.links
        case .held(let held): held.parts.links
        case .kept(let shelf, let location): shelf.parts(at: location).links
        }
    }

    /// A hash of all three, made once: what a build compares instead of hashing the texts of
    /// the whole archive again on every run.
    public let fingerprint: UInt64
    private let storage: Storage

    /// The three strings of a text.
    struct Parts: Sendable {
        var html: String
        var plainText: String
        var links: [String]
    }

    /// The strings themselves, or where they are kept: a build keeps the archive's texts
    /// on disk and reads only those of the pages it renders, without holding them after.
    /// A place, not a closure: ten years hold half a million texts, a closure each was as
    /// many allocations on every build.
    private enum Storage: Sendable {
        case ready(Parts)
        case kept(any TextShelf, TextLocation)
        /// Kept on the shelf and at hand too: a text read often, written to the store as
        /// it is made. Boxed, so that a text stays as small to copy as the other two.
        case held(Held)
    }

    var parts: Parts {
        switch storage {
        case .ready(let parts): parts
        case .held(let held): held.parts
        case .kept(let shelf, let location): shelf.parts(at: location)
        }
    }

    public init(html: String, plainText: String, links: [String]) {
        var print = Fingerprint()
        print.add(html)
        print.add(plainText)
        print.add(links.count)
        for link in links { print.add(link) }
        self.init(html: html, plainText: plainText, links: links, fingerprint: print.value)
    }

    /// A text remembered with its fingerprint (the build cache).
    init(html: String, plainText: String, links: [String], fingerprint: UInt64) {
        self.storage = .ready(Parts(html: html, plainText: plainText, links: links))
        self.fingerprint = fingerprint
    }

    /// A text remembered by its fingerprint, its strings kept on `shelf` at `location`
    /// and read whenever needed.
    init(fingerprint: UInt64, keptOn shelf: any TextShelf, at location: TextLocation) {
        self.storage = .kept(shelf, location)
        self.fingerprint = fingerprint
    }

    /// The same text, kept on `shelf` at `location` and still at hand.
    func held(on shelf: any TextShelf, at location: TextLocation) -> PaperText {
        switch storage {
        case .ready(let parts): PaperText(storage: .held(Held(parts, shelf, location)), fingerprint: fingerprint)
        case .held(let held): PaperText(storage: .held(Held(held.parts, shelf, location)), fingerprint: fingerprint)
        case .kept: PaperText(fingerprint: fingerprint, keptOn: shelf, at: location)
        }
    }

    /// The strings of a held text, and where they are kept.
    private final class Held: Sendable {
        let parts: Parts
        let shelf: any TextShelf
        let location: TextLocation

        init(_ parts: Parts, _ shelf: any TextShelf, _ location: TextLocation) {
            self.parts = parts
            self.shelf = shelf
            self.location = location
        }
    }

    private init(storage: Storage, fingerprint: UInt64) {
        self.storage = storage
        self.fingerprint = fingerprint
    }

    /// Where the strings are kept in a store (a held text has them at hand as well); nil
    /// for a text only in memory.
    var kept: (shelf: any TextShelf, location: TextLocation)? {
        switch storage {
        case .ready: return nil
        case .kept(let shelf, let location): return (shelf, location)
        case .held(let held): return (held.shelf, held.location)
        }
    }

    /// The same text with its strings at hand: a text kept on disk is read and checked
    /// each time one of them is asked for, and a page asks for them several times.
    var loaded: PaperText {
        guard case .kept = storage else { return self }
        let parts = self.parts
        return PaperText(html: parts.html, plainText: parts.plainText, links: parts.links, fingerprint: fingerprint)
    }

    /// Texts are equal when their fingerprints are: it covers all three strings.
    public static func == (lhs: PaperText, rhs: PaperText) -> Bool {
        lhs.fingerprint == rhs.fingerprint
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(fingerprint)
    }

    public var isEmpty: Bool { plainText.isEmpty && html.isEmpty }

    /// Whether the text holds a formula: a page showing it preloads the math font.
    var showsMath: Bool { Self.showsMath(html) }

    /// Whether the HTML of a text holds a formula (for HTML already read from a text).
    static func showsMath(_ html: String) -> Bool { html.withUTF8Bytes { showsMath($0) } }

    /// `showsMath` of the UTF-8 of HTML.
    static func showsMath(_ html: UnsafeBufferPointer<UInt8>) -> Bool {
        "<math".withUTF8Bytes { html.contains(bytes: $0) }
    }

    /// Calls `body` with the UTF-8 of `html`, read where it is kept: copying the string out
    /// retained it, and pages read the titles of other papers, which both cores share, so
    /// that each retain waited for the other core.
    func withHTML<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        switch storage {
        case .ready(let parts): parts.html.withUTF8Bytes(body)
        case .held(let held): held.parts.html.withUTF8Bytes(body)
        case .kept(let shelf, let location): shelf.parts(at: location).html.withUTF8Bytes(body)
        }
    }

    /// Where a text stands on a page: titles render without the surrounding `<p>`.
    public enum Role: UInt8, Sendable {
        case title, abstract
    }

    /// Recovers the damaged LaTeX of a dump text and renders it through libcmark.
    public static func render(_ text: String, at location: SourceLocation?, role: Role) -> (PaperText, [Diagnostic]) {
        let (rich, diagnostics) = RichTextParser().parse(text, at: location)
        let html: String
        switch role {
        case .title: html = Markdown.html(inline: rich.inlines)
        case .abstract: html = rich.isEmpty ? "" : Markdown.html(paragraph: rich.inlines)
        }
        return (PaperText(html: html, plainText: rich.plainText, links: rich.links), diagnostics)
    }
}
