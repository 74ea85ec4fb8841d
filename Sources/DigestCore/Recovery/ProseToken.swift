/// A token of prose: a word, a number, a run of whitespace or one punctuation character.
struct ProseToken {
    enum Kind: Equatable {
        case word, number, space, punct
    }

    var kind: Kind
    /// Scalar offsets into the text.
    var start: Int
    var end: Int
    /// A word with an ASCII capital after its first letter (`muP`, `LLMtimesMapReduce`):
    /// what most name repairs need, noted while the word is read.
    var hasInnerCapital = false

    var length: Int { end - start }
}
