/// One paper as a dump lists it: a title paragraph and the abstract paragraph after it.
public struct DumpEntry: Hashable, Sendable {
    public var title: String
    /// Empty when the dump carried no abstract for this title, or when the entry was
    /// remembered from an earlier build without its text (see `abstractDigest`).
    public var abstract: String {
        didSet {
            abstractDigest = Fingerprint.of(abstract)
            hasAbstract = !abstract.isEmpty
        }
    }
    /// A fingerprint of the abstract's text: what a build's memo of rendered texts is keyed
    /// by, so a dump remembered from the last build need not keep its abstracts' text.
    public private(set) var abstractDigest: UInt64
    public private(set) var hasAbstract: Bool
    public var titleLocation: SourceLocation
    public var abstractLocation: SourceLocation?

    public init(title: String, abstract: String, titleLocation: SourceLocation, abstractLocation: SourceLocation? = nil)
    {
        self.title = title
        self.abstract = abstract
        self.abstractDigest = Fingerprint.of(abstract)
        self.hasAbstract = !abstract.isEmpty
        self.titleLocation = titleLocation
        self.abstractLocation = abstractLocation
    }

    /// An entry remembered without its abstract's text: only the text's fingerprint.
    init(
        title: String, abstractDigest: UInt64, hasAbstract: Bool, titleLocation: SourceLocation,
        abstractLocation: SourceLocation?
    ) {
        self.title = title
        self.abstract = ""
        self.abstractDigest = abstractDigest
        self.hasAbstract = hasAbstract
        self.titleLocation = titleLocation
        self.abstractLocation = abstractLocation
    }

    /// The abstract's text is not here (`hasAbstract` says whether there is one).
    var isRemembered: Bool { hasAbstract && abstract.isEmpty }

    /// The entry without its abstract's text, which a build keeps once it is rendered.
    var withoutText: DumpEntry {
        DumpEntry(
            title: title, abstractDigest: abstractDigest, hasAbstract: hasAbstract, titleLocation: titleLocation,
            abstractLocation: abstractLocation)
    }
}

/// The papers of one day, in the order the dump lists them.
public struct DumpDay: Hashable, Sendable {
    public var date: DayDate
    public var entries: [DumpEntry]
    /// The dump files this day was read from (several when dumps of one day merge).
    public var sources: [String]

    public init(date: DayDate, entries: [DumpEntry], sources: [String]) {
        self.date = date
        self.entries = entries
        self.sources = sources
    }
}

extension DumpDay {
    /// Merges dumps of the same day, keeping first-seen order; a later dump's abstract wins.
    ///
    /// Input order matters: pass dumps sorted by path so the result is deterministic.
    public static func merging(_ days: [DumpDay]) -> [DumpDay] {
        var byDate: [DayDate: DumpDay] = [:]
        for day in days {
            guard var merged = byDate[day.date] else {
                byDate[day.date] = day
                continue
            }
            var position: [String: Int] = [:]
            for (index, entry) in merged.entries.enumerated() {
                position[TitleKey(entry.title).value] = index
            }
            for entry in day.entries {
                let key = TitleKey(entry.title).value
                if let index = position[key] {
                    if entry.hasAbstract { merged.entries[index] = entry }
                } else {
                    position[key] = merged.entries.count
                    merged.entries.append(entry)
                }
            }
            merged.sources.append(contentsOf: day.sources)
            byDate[day.date] = merged
        }
        return byDate.values.sorted { $0.date < $1.date }
    }

    /// A warning for each paper that two dumps of one day list with different abstracts,
    /// with the index in `days` of the later dump, whose abstract `merging` keeps: the
    /// other is not shown anywhere, so the user is told.
    static func conflicts(_ days: [DumpDay?]) -> [(index: Int, warning: Diagnostic)] {
        var dumpsOfDate: [DayDate: [Int]] = [:]
        for (index, day) in days.enumerated() {
            if let day { dumpsOfDate[day.date, default: []].append(index) }
        }
        var found: [(index: Int, warning: Diagnostic)] = []
        for indices in dumpsOfDate.values where indices.count > 1 {
            var abstracts: [String: (digest: UInt64, at: SourceLocation)] = [:]
            for index in indices {
                for entry in days[index]?.entries ?? [] where entry.hasAbstract {
                    let key = TitleKey(entry.title).value
                    if let earlier = abstracts[key], earlier.digest != entry.abstractDigest,
                        earlier.at.path != entry.titleLocation.path
                    {
                        found.append(
                            (
                                index,
                                .warning(
                                    "\(SourceFile.name(of: earlier.at.path)):\(earlier.at.line) lists this paper on the same day with another abstract; this one is shown",
                                    at: entry.titleLocation)
                            ))
                    }
                    abstracts[key] = (entry.abstractDigest, entry.titleLocation)
                }
            }
        }
        return found.sorted { ($0.index, $0.warning.location?.line ?? 0) < ($1.index, $1.warning.location?.line ?? 0) }
    }
}
