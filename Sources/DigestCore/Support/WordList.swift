/// The words of a text as UTF-8, back to back in one array (`WordBuffer` makes it).
struct WordList {
    let bytes: [UInt8]
    /// Where each word ends in `bytes`; the next one starts there.
    let ends: [Int]
    /// The text was all ASCII: every way of splitting words (`Words`, `Terms`) gives this
    /// list, which differ only in how they fold other scalars.
    var isASCII = false

    var count: Int { ends.count }

    /// Where word `index` is in `bytes`.
    func range(_ index: Int) -> Range<Int> {
        (index == 0 ? 0 : ends[index - 1])..<ends[index]
    }

    /// Every word as a string.
    var strings: [String] {
        bytes.withUnsafeBufferPointer { all in
            ends.indices.map { String(decoding: UnsafeBufferPointer(rebasing: all[range($0)]), as: UTF8.self) }
        }
    }
}
