/// The command names that can hide inside fused words, as a trie over ASCII letters.
/// A class: every text's detector holds it, and a struct of a dozen arrays and buffers
/// was copied into each.
final class CommandTrie: @unchecked Sendable {
    static let shared = CommandTrie()

    /// Read-only copies of `children`, `strong` and `strongStart` for the hot loop of
    /// `containsStrong`. The trie is built once and lives for the whole run, so these
    /// buffers are never freed.
    private var fastChildren = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)
    private var fastStrong = UnsafeMutableBufferPointer<Bool>(start: nil, count: 0)
    private var fastStrongStart = UnsafeMutableBufferPointer<Bool>(start: nil, count: 0)
    private var fastInfo = UnsafeMutableBufferPointer<Int32>(start: nil, count: 0)

    /// `children[node * 52 + letter]`: the next node, or -1.
    private var children: [Int32] = Array(repeating: -1, count: 52)
    private var terminal: [(name: String, weak: Bool, splittable: Bool)?] = [nil]
    /// Whether the node ends a command that is never English (`leq`, `varepsilon`, `Omega`).
    private var strong: [Bool] = [false]
    /// `strongStart[(a * 52 + b) * 52 + c]`: some command that is never English starts with
    /// the letters a, b, c (every such command has at least three).
    private var strongStart = [Bool](repeating: false, count: 52 * 52 * 52)
    /// Index into `commands` of the command ending at a node, or -1.
    private var info: [Int32] = [-1]
    /// `endings[length * 52 + first]`: bit `last` is set when a command of `length` letters
    /// starts with letter `first` and ends with `last`. Most words of a text are no command
    /// and are turned away by it, without walking the trie a node per letter.
    private var endings = [UInt64](repeating: 0, count: 17 * 52)
    private var fastEndings = UnsafeMutableBufferPointer<UInt64>(start: nil, count: 0)
    /// Every command of the trie, with how it counts in prose.
    private(set) var commands: [(command: MathCommand, strength: ProseStrength?)] = []

    private init() {
        let splittable = Set(MathVocabulary.splittableNames)
        var entries: [(command: MathCommand, strength: ProseStrength?)] = []
        for name in MathVocabulary.allNames where name.count >= 2 {
            let strength = MathVocabulary.proseStrength(name)
            insert(
                name, weak: strength == .weak || strength == nil, splittable: splittable.contains(name),
                entries: &entries)
        }
        commands = entries
        fastChildren = .allocate(capacity: children.count)
        _ = fastChildren.initialize(from: children)
        fastStrong = .allocate(capacity: strong.count)
        _ = fastStrong.initialize(from: strong)
        fastStrongStart = .allocate(capacity: strongStart.count)
        _ = fastStrongStart.initialize(from: strongStart)
        fastInfo = .allocate(capacity: info.count)
        _ = fastInfo.initialize(from: info)
        fastEndings = .allocate(capacity: endings.count)
        _ = fastEndings.initialize(from: endings)
    }

    /// Asked of every letter of every word: no conversion or overflow checks (the value
    /// is below 128, and indices below made with `&*` and `&+` stay within the tables).
    private static func letter(_ s: Unicode.Scalar) -> Int? {
        s.value < 128 ? index(of: UInt8(truncatingIfNeeded: s.value)) : nil
    }

    /// `index(of:)` of each ASCII byte, 52 for a byte that is not a letter: read by
    /// `mayHideStrong`, asked of most words of a text.
    private static let letterCodes: [UInt8] = (0..<128).map { UInt8(index(of: UInt8($0)) ?? 52) }

    static func index(of c: UInt8) -> Int? {
        if c >= 65 && c <= 90 { return Int(c &- 65) }
        if c >= 97 && c <= 122 { return Int(c &- 97) &+ 26 }
        return nil
    }

    private func insert(
        _ name: String, weak: Bool, splittable: Bool, entries: inout [(command: MathCommand, strength: ProseStrength?)]
    ) {
        var node = 0
        for c in name.utf8 {
            guard let i = Self.index(of: c) else { return }
            if children[node * 52 + i] < 0 {
                children[node * 52 + i] = Int32(terminal.count)
                children.append(contentsOf: repeatElement(-1, count: 52))
                terminal.append(nil)
                strong.append(false)
                info.append(-1)
            }
            node = Int(children[node * 52 + i])
        }
        terminal[node] = (name, weak, splittable)
        if let command = MathVocabulary.command(name) {
            info[node] = Int32(entries.count)
            entries.append((command, MathVocabulary.proseStrength(name)))
            let letters = name.utf8.compactMap(Self.index(of:))
            if let first = letters.first, let last = letters.last, letters.count < 17 {
                endings[letters.count * 52 + first] |= 1 << UInt64(last)
            }
        }
        guard splittable else { return }
        switch MathVocabulary.proseStrength(name) {
        case .strong: strong[node] = true
        case .greek: strong[node] = name.count >= 5 || (name.first?.isUppercase == true && name.count >= 3)
        default: break
        }
        let letters = name.utf8.compactMap(Self.index(of:))
        if strong[node], letters.count >= 3 { strongStart[(letters[0] * 52 + letters[1]) * 52 + letters[2]] = true }
    }

    /// The command spelled exactly by `scalars[range]`, without building a string.
    /// The index into `commands` of the command spelled exactly by `scalars[range]`, or -1.
    func lookup(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Int32 {
        guard range.count <= 16 else { return -1 }  // no command name is longer
        guard let first = range.first, let last = range.last, let a = Self.letter(scalars[first]),
            let z = Self.letter(scalars[last]), fastEndings[range.count &* 52 &+ a] & (1 &<< UInt64(z)) != 0
        else { return -1 }
        var node = 0
        for position in range {
            guard let letter = Self.letter(scalars[position]) else { return -1 }
            let next = Int(fastChildren[node &* 52 &+ letter])
            guard next >= 0 else { return -1 }
            node = next
        }
        return fastInfo[node]
    }

    /// Whether a command that is never English starts within the first three letters of
    /// `scalars[range]` (a fused word has at most two stray letters before it): the cheap
    /// test before splitting a word.
    func containsStrong(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        for start in range.prefix(3) where start + 2 < range.upperBound {
            guard let a = Self.letter(scalars[start]), let b = Self.letter(scalars[start + 1]),
                let c = Self.letter(scalars[start + 2]), fastStrongStart[(a &* 52 &+ b) &* 52 &+ c]
            else { continue }
            var node = 0
            var position = start
            while position < range.upperBound, let letter = Self.letter(scalars[position]) {
                let next = Int(fastChildren[node &* 52 &+ letter])
                if next < 0 { break }
                node = next
                position += 1
                if fastStrong[node] { return true }
            }
        }
        return false
    }

    /// Whether a command that is never English could start at one of the first three letters
    /// of the word at `start`, judged by the three letters it would begin with. Each letter is
    /// read once, and the first three that are not all ASCII letters end the search.
    func mayHideStrong(_ scalars: [Unicode.Scalar], _ start: Int) -> Bool {
        let end = min(start + 5, scalars.count)
        guard end - start >= 3 else { return false }
        return Self.letterCodes.withUnsafeBufferPointer { codes in
            scalars.withUnsafeBufferPointer { scalars in
                func code(_ position: Int) -> Int {
                    let value = scalars[position].value
                    return value < 128 ? Int(codes[Int(value)]) : 52
                }
                var a = code(start)
                var b = code(start + 1)
                for position in (start + 2)..<end {
                    let c = code(position)
                    if a == 52 || b == 52 || c == 52 { return false }
                    if fastStrongStart[(a &* 52 &+ b) &* 52 &+ c] { return true }
                    (a, b) = (b, c)
                }
                return false
            }
        }
    }

    /// Calls `found(end, name, weak)` for every command that starts at `start`.
    func walk(_ chars: [UInt8], from start: Int, _ found: (Int, String, Bool) -> Void) {
        var node = 0
        var position = start
        while position < chars.count, let i = Self.index(of: chars[position]) {
            let next = Int(children[node * 52 + i])
            guard next >= 0 else { return }
            node = next
            position += 1
            if let (name, weak, splittable) = terminal[node], splittable { found(position, name, weak) }
        }
    }
}
