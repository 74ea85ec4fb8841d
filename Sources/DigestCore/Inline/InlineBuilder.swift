/// Collects the pieces of parsed prose. Raw prose is held back until something else
/// arrives, then handed to `MathSpanDetector` as one run, so damaged math is found with its
/// whole context.
struct InlineBuilder {
    /// Lone letters are variables in abstracts, but not inside `\textit{O}bstacles`.
    var singleLetters = true
    private var inlines: [Inline] = []
    private var raw: [Unicode.Scalar] = []
    /// Scalar ranges of `raw` that must be math (`\alpha` met outside math).
    private var forced: [Range<Int>] = []
    /// Punctuation cut from the end of a `\url{…}`, shown unless the text repeats it.
    var pendingPunctuation = ""

    mutating func raw(_ scalar: Unicode.Scalar) {
        if !pendingPunctuation.isEmpty { flushPending(before: scalar) }
        raw.append(scalar)
    }

    mutating func raw(_ scalars: ArraySlice<Unicode.Scalar>) {
        guard let first = scalars.first else { return }
        if !pendingPunctuation.isEmpty { flushPending(before: first) }
        raw.append(contentsOf: scalars)
    }

    mutating func raw(contentsOf text: String, forceMath: Bool = false) {
        guard let first = text.unicodeScalars.first else { return }
        flushPending(before: first)
        let start = raw.count
        raw.append(contentsOf: text.unicodeScalars)
        if forceMath { forced.append(start..<raw.count) }
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
        guard !raw.isEmpty else { return }
        let scalars = raw
        raw.removeAll(keepingCapacity: true)
        // Tokens hold 32-bit offsets: a run longer than that (gigabytes of one paragraph)
        // is shown as the text it is.
        guard scalars.count <= ProseToken.longestText else {
            forced = []
            return appendText(ScalarText.string(scalars[...]))
        }
        let detector = MathSpanDetector(scalars, forced: forced, singleLetters: singleLetters)
        forced = []
        let tokens = detector.tokens
        let spans = detector.spans()
        let plain = detector.replacements.isEmpty && detector.droppedTokens.isEmpty
        var spanIndex = 0
        var text = ScalarText()
        var k = 0
        while k < tokens.count {
            if spanIndex < spans.count, tokens[k].start == spans[spanIndex].lowerBound {
                let span = spans[spanIndex]
                spanIndex += 1
                let source = ScalarText.string(scalars[span])
                let formula = MathFormula(parsing: source)
                if formula.root.isEmpty {
                    text.append(scalars[span])
                } else {
                    appendText(text.take())
                    inlines.append(.math(formula))
                }
                while k < tokens.count, tokens[k].start < span.upperBound { k += 1 }
                continue
            }
            if let replacement = detector.replacements[k] {
                text.append(replacement)
            } else if !detector.droppedTokens.contains(k) {
                // Copy the whole run up to the next span or special token at once.
                let limit = spanIndex < spans.count ? spans[spanIndex].lowerBound : scalars.count
                var last = k
                if plain {
                    while last + 1 < tokens.count, tokens[last + 1].start < limit { last += 1 }
                } else {
                    while last + 1 < tokens.count, tokens[last + 1].start < limit,
                        detector.replacements[last + 1] == nil, !detector.droppedTokens.contains(last + 1)
                    {
                        last += 1
                    }
                }
                text.append(scalars[tokens[k].start..<tokens[last].end])
                k = last
            }
            k += 1
        }
        appendText(text.take())
    }

    /// Prose text, with TeX typography (`--`, quotes, ties) applied.
    private mutating func appendText(_ text: String) {
        guard !text.isEmpty else { return }
        let text = Typography.apply(text)
        if case .text(let previous)? = inlines.last {
            inlines[inlines.count - 1] = .text(previous + text)
        } else {
            inlines.append(.text(text))
        }
    }
}

/// UTF-8 text built from scalars without per-scalar `String` appends.
struct ScalarText {
    private var bytes: [UInt8] = []

    /// UTF-8 of every run of prose a text is made of. Offsets stay within the room made for
    /// four bytes a scalar: added with `&+`, unchecked for overflow.
    mutating func append(_ scalars: ArraySlice<Unicode.Scalar>) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: scalars.count &* 4))
        var end = start
        bytes.withUnsafeMutableBufferPointer { buffer in
            guard let buffer = buffer.baseAddress.map({ UnsafeMutableBufferPointer(start: $0, count: buffer.count) })
            else {
                return
            }
            for scalar in scalars {
                let v = scalar.value
                if v < 0x80 {
                    buffer[end] = UInt8(v)
                    end &+= 1
                } else if v < 0x800 {
                    buffer[end] = UInt8(0xC0 | (v >> 6))
                    buffer[end &+ 1] = UInt8(0x80 | (v & 0x3F))
                    end &+= 2
                } else if v < 0x10000 {
                    buffer[end] = UInt8(0xE0 | (v >> 12))
                    buffer[end &+ 1] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    buffer[end &+ 2] = UInt8(0x80 | (v & 0x3F))
                    end &+= 3
                } else {
                    buffer[end] = UInt8(0xF0 | (v >> 18))
                    buffer[end &+ 1] = UInt8(0x80 | ((v >> 12) & 0x3F))
                    buffer[end &+ 2] = UInt8(0x80 | ((v >> 6) & 0x3F))
                    buffer[end &+ 3] = UInt8(0x80 | (v & 0x3F))
                    end &+= 4
                }
            }
        }
        bytes.removeLast(bytes.count - end)
    }

    mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// The text so far, leaving the builder empty.
    mutating func take() -> String {
        defer { bytes.removeAll(keepingCapacity: true) }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var text = ScalarText()
        text.append(scalars)
        return text.take()
    }
}
