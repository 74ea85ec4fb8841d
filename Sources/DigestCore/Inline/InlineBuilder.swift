/// Collects the pieces of parsed prose. Raw prose is held back until something else
/// arrives, then handed to `MathSpanDetector` as one run, so damaged math is found with its
/// whole context.
struct InlineBuilder {
    /// Lone letters are variables in abstracts, but not inside `\textit{O}bstacles`.
    var singleLetters = true
    private var inlines: [Inline] = []
    private var raw = String.UnicodeScalarView()
    private var rawCount = 0
    /// Scalar ranges of `raw` that must be math (`\alpha` met outside math).
    private var forced: [Range<Int>] = []
    /// Punctuation cut from the end of a `\url{…}`, shown unless the text repeats it.
    var pendingPunctuation = ""

    mutating func raw(_ scalar: Unicode.Scalar) {
        flushPending(before: scalar)
        raw.append(scalar)
        rawCount += 1
    }

    mutating func raw(contentsOf text: String, forceMath: Bool = false) {
        guard let first = text.unicodeScalars.first else { return }
        flushPending(before: first)
        let start = rawCount
        for scalar in text.unicodeScalars {
            raw.append(scalar)
            rawCount += 1
        }
        if forceMath { forced.append(start..<rawCount) }
    }

    /// Text that must stay text: `\_`, `\{`, `\%`.
    mutating func literal(_ text: String) {
        flushRaw()
        append(.text(text))
    }

    mutating func append(_ inline: Inline) {
        flushRaw()
        if case .text(let text) = inline, case .text(let previous)? = inlines.last {
            inlines[inlines.count - 1] = .text(previous + text)
        } else {
            inlines.append(inline)
        }
    }

    mutating func append(contentsOf inlines: [Inline]) {
        for inline in inlines { append(inline) }
    }

    mutating func finish() -> [Inline] {
        flushPending(before: nil)
        flushRaw()
        return inlines
    }

    private mutating func flushPending(before next: Unicode.Scalar?) {
        guard !pendingPunctuation.isEmpty else { return }
        let pending = pendingPunctuation
        pendingPunctuation = ""
        if let next, pending.unicodeScalars.last == next {
            raw(contentsOf: String(pending.dropLast()))
        } else {
            raw(contentsOf: pending)
        }
    }

    private mutating func flushRaw() {
        guard rawCount > 0 else { return }
        let scalars = Array(raw)
        raw = String.UnicodeScalarView()
        rawCount = 0
        let detector = MathSpanDetector(scalars, forced: forced, singleLetters: singleLetters)
        forced = []
        let tokens = detector.tokens
        let spans = detector.spans()
        var spanIndex = 0
        var text = String.UnicodeScalarView()
        var k = 0
        while k < tokens.count {
            if spanIndex < spans.count, tokens[k].start == spans[spanIndex].lowerBound {
                let span = spans[spanIndex]
                spanIndex += 1
                let source = String(String.UnicodeScalarView(scalars[span]))
                let formula = MathFormula(parsing: source)
                if formula.root.isEmpty {
                    text.append(contentsOf: source.unicodeScalars)
                } else {
                    appendText(String(text))
                    text = String.UnicodeScalarView()
                    inlines.append(.math(formula))
                }
                while k < tokens.count, tokens[k].start < span.upperBound { k += 1 }
                continue
            }
            if let replacement = detector.replacements[k] {
                text.append(contentsOf: replacement.unicodeScalars)
            } else if !detector.droppedTokens.contains(k) {
                text.append(contentsOf: scalars[tokens[k].start..<tokens[k].end])
            }
            k += 1
        }
        appendText(String(text))
    }

    private mutating func appendText(_ text: String) {
        guard !text.isEmpty else { return }
        if case .text(let previous)? = inlines.last {
            inlines[inlines.count - 1] = .text(previous + text)
        } else {
            inlines.append(.text(text))
        }
    }
}
