/// Where texts are kept outside memory (the build cache's `TextStore`): a build holds the
/// archive's titles and abstracts as places on a shelf and reads only those of the pages
/// it renders.
protocol TextShelf: AnyObject, Sendable {
    /// The strings kept at `location`; empty when they are not what was put there.
    func parts(at location: TextLocation) -> PaperText.Parts
    /// The bytes kept at `location`, checked (for copying them to another shelf); nil when
    /// they are not what was put there.
    func body(at location: TextLocation) -> ArraySlice<UInt8>?
}
