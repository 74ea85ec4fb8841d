/// A token of prose: a word, a number, a run of whitespace or one punctuation character.
struct ProseToken {
    enum Kind: Equatable {
        case word, number, space, punct
    }

    var kind: Kind
    /// Scalar offsets into the text.
    var start: Int
    var end: Int

    var length: Int { end - start }
}
