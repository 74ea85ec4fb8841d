/// Splits damaged words back into the commands and letters they were fused from:
/// `nLvarepsilon` → n, L, varepsilon; `Omegasubseteq` → Omega, subseteq; `mloglog` → m, log, log.
enum WordSplitter {
    enum Piece: Hashable {
        case command(String)
        case letter(Character)

        var isLetter: Bool {
            if case .letter = self { return true }
            return false
        }
    }

    /// Longer words are never split (and a 5 MB "word" costs nothing).
    static let maxWordLength = 40

    /// The cheapest split into command names (cost 1, or 2 for names that are English words)
    /// and single letters (cost 3), or nil for words that are not plain ASCII letters.
    /// A split may consist of letters only.
    static func split(_ word: some StringProtocol) -> [Piece]? {
        var chars: [UInt8] = []
        chars.reserveCapacity(16)
        for c in word.utf8 {
            guard chars.count < maxWordLength, CommandTrie.index(of: c) != nil else { return nil }
            chars.append(c)
        }
        let n = chars.count
        guard n > 0 else { return nil }
        var cost = [Int](repeating: Int.max, count: n + 1)
        var piece = [(length: Int, name: String?)](repeating: (0, nil), count: n + 1)
        cost[0] = 0
        for start in 0..<n where cost[start] != Int.max {
            if cost[start] + 3 < cost[start + 1] {
                cost[start + 1] = cost[start] + 3
                piece[start + 1] = (1, nil)
            }
            CommandTrie.shared.walk(chars, from: start) { end, name, weak in
                let total = cost[start] + (weak ? 2 : 1)
                if total < cost[end] {
                    cost[end] = total
                    piece[end] = (end - start, name)
                }
            }
        }
        var pieces: [Piece] = []
        var end = n
        while end > 0 {
            let (length, name) = piece[end]
            if let name {
                pieces.append(.command(name))
            } else {
                pieces.append(.letter(Character(Unicode.Scalar(chars[end - 1]))))
            }
            end -= max(length, 1)
        }
        return pieces.reversed()
    }
}

/// The command names that can hide inside fused words, as a trie over ASCII letters.
struct CommandTrie: Sendable {
    static let shared = CommandTrie()

    private var children: [[Int32]] = [Array(repeating: -1, count: 52)]
    private var terminal: [(name: String, weak: Bool)?] = [nil]

    private init() {
        for name in MathVocabulary.splittableNames where name.count >= 2 {
            insert(name, weak: MathVocabulary.weakInProse.contains(name))
        }
    }

    static func index(of c: UInt8) -> Int? {
        if c >= 65 && c <= 90 { return Int(c - 65) }
        if c >= 97 && c <= 122 { return Int(c - 97) + 26 }
        return nil
    }

    private mutating func insert(_ name: String, weak: Bool) {
        var node = 0
        for c in name.utf8 {
            guard let i = Self.index(of: c) else { return }
            if children[node][i] < 0 {
                children[node][i] = Int32(children.count)
                children.append(Array(repeating: -1, count: 52))
                terminal.append(nil)
            }
            node = Int(children[node][i])
        }
        terminal[node] = (name, weak)
    }

    /// Calls `found(end, name, weak)` for every command that starts at `start`.
    func walk(_ chars: [UInt8], from start: Int, _ found: (Int, String, Bool) -> Void) {
        var node = 0
        var position = start
        while position < chars.count, let i = Self.index(of: chars[position]) {
            let next = Int(children[node][i])
            guard next >= 0 else { return }
            node = next
            position += 1
            if let (name, weak) = terminal[node] { found(position, name, weak) }
        }
    }
}
