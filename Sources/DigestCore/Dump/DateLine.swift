/// The date line of a dump: `Mar 12`, `March 12`, `Mar 12, 2026`, `Sept 3 2026`.
///
/// The Hugging Face page prints no year, so `year` is usually nil.
public struct DateLine: Hashable, Sendable {
    public var month: Int
    public var day: Int
    public var year: Int?

    /// Nil when `text` is not a date line.
    public init?(_ text: some StringProtocol) {
        let words = text.split { $0 == " " || $0 == "," || $0 == "\t" }
        guard words.count == 2 || words.count == 3 else { return nil }
        guard let month = DateLine.month(named: words[0]) else { return nil }
        guard words[1].count <= 2, let day = Int(words[1]), (1...31).contains(day) else { return nil }
        var year: Int?
        if words.count == 3 {
            guard words[2].count == 4, let y = Int(words[2]), y >= 1900 else { return nil }
            year = y
        }
        self.month = month
        self.day = day
        self.year = year
    }

    /// `Mar`, `March`, `Sept`, `sep.` → 3, 3, 9, 9; nil for anything else.
    static func month(named word: some StringProtocol) -> Int? {
        var name = word.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        guard name.count >= 3 else { return nil }
        if name == "sept" { return 9 }
        for (index, full) in DayDate.monthNames.enumerated() {
            let full = full.lowercased()
            if name == full || name == full.prefix(3) { return index + 1 }
        }
        return nil
    }
}
