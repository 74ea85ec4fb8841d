/// A token of prose: a word, a number, a run of whitespace or one punctuation character.
///
/// Offsets are kept in 32 bits: a token takes 12 bytes instead of 32, and the detector's
/// passes read every token of every abstract several times. A run of prose longer than
/// `longestText` is never tokenized (`InlineBuilder` shows it as plain text).
struct ProseToken {
    enum Kind: Equatable {
        case word, number, space, punct
    }

    /// The longest text whose tokens fit.
    static let longestText = Int(Int32.max)

    var kind: Kind
    /// A word with an ASCII capital after its first letter (`muP`, `LLMtimesMapReduce`):
    /// what most name repairs need, noted while the word is read.
    var hasInnerCapital = false
    private var start32: Int32
    private var end32: Int32

    init(kind: Kind, start: Int, end: Int, hasInnerCapital: Bool = false) {
        self.kind = kind
        self.hasInnerCapital = hasInnerCapital
        start32 = Int32(truncatingIfNeeded: start)
        end32 = Int32(truncatingIfNeeded: end)
    }

    /// Scalar offsets into the text.
    var start: Int { Int(start32) }
    var end: Int { Int(end32) }

    /// Both ends are 32-bit: the difference of the two, widened, never overflows.
    var length: Int { end &- start }
}
