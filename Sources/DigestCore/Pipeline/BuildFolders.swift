import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Where a build reads, writes and keeps its cache, checked before anything is touched.
///
/// Folders that overlap feed a build its own files: an output folder inside `static/` is
/// copied into itself on every build, one inside `dumps/` is read back as dumps, and a
/// cache inside the output or `static/` is published. Paths are compared as the system
/// resolves them (links followed), so `--output ./static/../static/site` or a link to
/// `static/` is caught too.
struct BuildFolders {
    var content: URL
    var templates: URL?
    var output: URL
    var cache: URL

    /// An error for the output overlapping an input, else for the cache overlapping one (by
    /// default it lies beside the output: one cause is told once), and one for the cache
    /// overlapping the output.
    func problems() -> [Diagnostic] {
        let inputs =
            (["dumps", "pages", "static"].map { content.appendingPathComponent($0) } + [templates].compactMap { $0 })
            .map(Place.init)
        let output = Place(self.output), cache = Place(self.cache)
        // The first overlap of each says what to change.
        var problems: [String] = inputs.lazy.compactMap { input in
            output.relation(to: input).map {
                "the output folder \(output.shown) \($0) \(input.shown), which the build reads: choose an output folder outside dumps/, pages/, static/ and the theme folder"
            }
        }.prefix(1).map { $0 }
        if problems.isEmpty {
            problems = inputs.lazy.compactMap { input in
                cache.relation(to: input).map {
                    "the build cache \(cache.shown) \($0) \(input.shown), which the build reads: pass --cache with a folder outside the content and the theme"
                }
            }.prefix(1).map { $0 }
        }
        if let relation = cache.relation(to: output) {
            problems.append(
                "the build cache \(cache.shown) \(relation) the output folder \(output.shown), so it would be published or deleted with the site: pass --cache with a folder outside it"
            )
        }
        return problems.map { .error($0) }
    }

    /// A folder as given, and its path as the system resolves it.
    private struct Place {
        var shown: String
        var components: [String]

        init(_ url: URL) {
            shown = displayPath(url)
            components = Self.resolved(url.standardizedFileURL.path).split(separator: "/").map(String.init)
        }

        /// How this folder lies against `other`, as words; nil when apart.
        func relation(to other: Place) -> String? {
            if components == other.components { return "is" }
            if components.starts(with: other.components) { return "lies inside" }
            if other.components.starts(with: components) { return "holds" }
            return nil
        }

        /// `path` with links resolved as far as it exists (a new output folder does not yet).
        private static func resolved(_ path: String) -> String {
            var existing = path
            var missing: [Substring] = []
            while existing.count > 1 {
                if let real = realpath(existing, nil) {
                    defer { free(real) }
                    return ([String(cString: real)] + missing.reversed().map(String.init)).joined(separator: "/")
                }
                guard let slash = existing.lastIndex(of: "/") else { break }
                missing.append(existing[existing.index(after: slash)...])
                existing = slash == existing.startIndex ? "/" : String(existing[..<slash])
            }
            return path
        }
    }
}
