import DigestCore
import DigestTestSupport
import Foundation
import Testing

/// Real arXiv abstracts (Fixtures/arxiv-abstracts.json, not in the demo content), damaged
/// the way the Daily Papers page damages them, then read back. Prints the figures quoted
/// in the notes and guards them against regressions.
@Suite("Recall on real arXiv abstracts damaged like the Daily Papers page")
struct ArxivRecallTests {
    struct Abstract: Decodable {
        var id: String
        var abstract: String
    }

    /// One formula of an intact abstract and where its damaged form sits in the damaged text.
    struct Formula {
        var original: String
        var damaged: String
        var range: Range<Int>
    }

    /// Drops `$` and backslashes inside math; with probability `lossRate` a command with a
    /// braced argument loses its name and the first `}` after it (`\frac{1}{2}` → `1{2}`).
    static func damage(_ abstract: String, lossRate: Double, random: inout SeededRandom) -> (String, [Formula]) {
        let chars = Array(abstract)
        var output: [Character] = []
        var formulas: [Formula] = []
        var i = 0
        while i < chars.count {
            guard chars[i] == "$", i == 0 || chars[i - 1] != "\\" else {
                output.append(chars[i])
                i += 1
                continue
            }
            let display = i + 1 < chars.count && chars[i + 1] == "$"
            let start = i + (display ? 2 : 1)
            var end = start
            while end < chars.count, chars[end] != "$" || chars[end - 1] == "\\" { end += 1 }
            guard end < chars.count else {
                output.append(contentsOf: chars[i...])
                break
            }
            let original = String(chars[start..<end])
            let damaged = damageMath(Array(original), lossRate: lossRate, random: &random)
            let begin = output.count
            output.append(contentsOf: damaged)
            formulas.append(Formula(original: original, damaged: String(damaged), range: begin..<output.count))
            i = end + (display ? 2 : 1)
        }
        return (String(output), formulas)
    }

    static func damageMath(_ math: [Character], lossRate: Double, random: inout SeededRandom) -> [Character] {
        var chars = math
        // Lost commands: remove `\name{` and the first `}` after it.
        var i = 0
        while i < chars.count {
            if chars[i] == "\\" {
                var j = i + 1
                while j < chars.count, chars[j].isLetter { j += 1 }
                if j > i + 1, j < chars.count, chars[j] == "{", Double.random(in: 0..<1, using: &random) < lossRate,
                    let close = chars[(j + 1)...].firstIndex(of: "}")
                {
                    chars.remove(at: close)
                    chars.removeSubrange(i...j)
                    continue
                }
            }
            i += 1
        }
        return chars.filter { $0 != "\\" }
    }

    static func load() throws -> [Abstract] {
        let url = repositoryRoot.appendingPathComponent("Tests/DigestCoreTests/Fixtures/arxiv-abstracts.json")
        return try JSONDecoder().decode([Abstract].self, from: Data(contentsOf: url))
    }

    /// Ranges of the math inlines in the damaged text, found by their sources in order.
    static func mathRanges(_ inlines: [Inline], in text: String) -> [(Range<Int>, MathFormula)] {
        let chars = Array(text)
        var cursor = 0
        var result: [(Range<Int>, MathFormula)] = []
        func find(_ source: String) -> Int? {
            let needle = Array(source)
            guard !needle.isEmpty, needle.count <= chars.count else { return nil }
            // A match must not start or end inside a word: `p` is not the p of "property".
            func isWordCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber }
            var k = cursor
            while k + needle.count <= chars.count {
                if chars[k] == needle[0] && Array(chars[k..<(k + needle.count)]) == needle {
                    let end = k + needle.count
                    let cleanStart = k == 0 || !(isWordCharacter(chars[k - 1]) && isWordCharacter(needle[0]))
                    let cleanEnd =
                        end == chars.count
                        || !(isWordCharacter(chars[end]) && isWordCharacter(needle[needle.count - 1]))
                    if cleanStart && cleanEnd { return k }
                }
                k += 1
            }
            return nil
        }
        func walk(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .math(let formula):
                    if let start = find(formula.source) {
                        let end = start + formula.source.count
                        result.append((start..<end, formula))
                        cursor = end
                    }
                case .emphasis(let children), .strong(let children), .smallCaps(let children), .link(_, let children):
                    walk(children)
                case .text, .monospace:
                    break
                }
            }
        }
        walk(inlines)
        return result
    }

    struct Figures: CustomStringConvertible {
        var formulas = 0
        var detected = 0
        var exact = 0
        var mathInlines = 0
        var outsideFormulas = 0

        var description: String {
            let recall = Double(detected) / Double(max(formulas, 1)) * 100
            let exactRate = Double(exact) / Double(max(formulas, 1)) * 100
            let precision = Double(mathInlines - outsideFormulas) / Double(max(mathInlines, 1)) * 100
            return String(
                format:
                    "%d formulas: %.1f%% detected as math, %.1f%% read exactly as the intact LaTeX; %d math spans, %.1f%% inside real formulas",
                formulas, recall, exactRate, mathInlines, precision)
        }
    }

    static func evaluate(lossRate: Double) throws -> Figures {
        var figures = Figures()
        var random = SeededRandom(state: 42)
        for abstract in try load() {
            let (text, formulas) = damage(abstract.abstract, lossRate: lossRate, random: &random)
            let (rich, _) = RichTextParser().parse(text)
            let found = mathRanges(rich.inlines, in: text)
            figures.mathInlines += found.count
            let outside = found.filter { range, _ in !formulas.contains { $0.range.overlaps(range) } }
            figures.outsideFormulas += outside.count
            if ProcessInfo.processInfo.environment["ARXIV_FALSE"] != nil {
                let chars = Array(text)
                for (range, formula) in outside {
                    let context = String(chars[max(0, range.lowerBound - 30)..<min(chars.count, range.upperBound + 30)])
                    print("FALSE [\(formula.source)] in: \(context)")
                }
            }
            for formula in formulas {
                // A formula with no letters or operators (`$5$`) is just a number in prose.
                guard formula.damaged.contains(where: { $0.isLetter || "^_=<>+".contains($0) }) else { continue }
                // `$\\unicode{x2013}$` is a dash, and shows as one.
                if formula.original.hasPrefix("\\unicode") { continue }
                // `$\textit{reduction order}$` is styled text, and renders as such.
                if formula.original.hasPrefix("\\text") && !formula.original.contains("$")
                    && formula.original.hasSuffix("}")
                    && formula.original.filter({ $0 == "{" }).count == 1
                {
                    continue
                }
                figures.formulas += 1
                let letters = Set(
                    formula.range.filter { index in
                        let c = Array(text)[index]
                        return c.isLetter || c.isNumber
                    })
                let covered = letters.filter { index in found.contains { $0.0.contains(index) } }
                if !letters.isEmpty && covered.count * 2 >= letters.count {
                    figures.detected += 1
                } else if ProcessInfo.processInfo.environment["ARXIV_MISSES"] != nil {
                    let chars = Array(text)
                    let context = String(
                        chars[max(0, formula.range.lowerBound - 25)..<min(chars.count, formula.range.upperBound + 25)])
                    print("MISS [\(formula.damaged)] in: \(context)")
                }
                let reference = MathFormula(parsing: formula.original).plainText.filter { !$0.isWhitespace }
                let exact = found.contains { range, math in
                    range == formula.range && math.plainText.filter { !$0.isWhitespace } == reference
                }
                if exact { figures.exact += 1 }
            }
        }
        return figures
    }

    @Test("formulas are found in damaged abstracts the normaliser has never seen")
    func recall() throws {
        let withoutLoss = try Self.evaluate(lossRate: 0)
        let withLoss = try Self.evaluate(lossRate: 0.5)
        print("arXiv recall, backslashes and dollars dropped: \(withoutLoss)")
        print("arXiv recall, and half of braced commands lost: \(withLoss)")
        #expect(withoutLoss.formulas > 500)
        #expect(Double(withoutLoss.detected) / Double(withoutLoss.formulas) > 0.9)
        #expect(Double(withLoss.detected) / Double(withLoss.formulas) > 0.9)
        #expect(Double(withoutLoss.exact) / Double(withoutLoss.formulas) > 0.75)
        #expect(Double(withLoss.outsideFormulas) / Double(max(withLoss.mathInlines, 1)) < 0.08)
    }
}
