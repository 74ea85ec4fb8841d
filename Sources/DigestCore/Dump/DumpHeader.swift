/// The page chrome a saved Hugging Face Daily Papers page starts with.
enum DumpHeader {
    /// Compared case-insensitively after trimming. `by`, `AK` and `and the research community`
    /// appear on separate lines when the page is copied from some browsers.
    static let lines: Set<String> = [
        "new",
        "get trending papers in your email inbox!",
        "get trending papers in your email inbox",
        "subscribe",
        "daily papers",
        "byak and the research community",
        "by ak and the research community",
        "by",
        "ak",
        "and the research community",
    ]

    static func contains(_ line: some StringProtocol) -> Bool {
        lines.contains(line.lowercased())
    }
}
