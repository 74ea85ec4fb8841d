/// Every paper, day and topic of the site, deduplicated and cross-referenced.
///
/// Papers are kept newest first; days and topics refer to papers by index into `papers`.
public struct Catalog: Sendable {
    public var papers: [Paper]
    /// Oldest first.
    public var days: [Day]
    /// In taxonomy order, with "Other" last when it has papers.
    public var topics: [TopicPapers]
    /// Indices into `papers` by first listing: first day, then place in that day's dump. The
    /// order never changes as days are added, so what is built in it (related papers, the
    /// sitemap, topic archives) stays put.
    public var firstListing: [Int]

    public struct Day: Hashable, Sendable {
        public var date: DayDate
        /// Indices into `papers`, in dump order.
        public var papers: [Int]
        public var sources: [String]
    }

    public struct TopicPapers: Hashable, Sendable {
        public var topic: Topic
        /// Indices into `papers`, newest first.
        public var papers: [Int]
    }
}
