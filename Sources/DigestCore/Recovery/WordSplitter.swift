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
        return split(chars, maxLetters: Int.max)
    }

    /// The split of `chars` (ASCII letters), or nil when it has no command or more than
    /// `maxLetters` single letters: the common case of an English word costs no allocation
    /// beyond the small tables.
    static func split(_ chars: [UInt8], maxLetters: Int) -> [Piece]? {
        let n = chars.count
        guard n > 0, n <= maxWordLength else { return nil }
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * (n + 1)) { buffer -> [Piece]? in
            guard let cost = buffer.baseAddress else { return nil }
            let length = cost + (n + 1)
            for k in 0...n {
                cost[k] = Int.max
                length[k] = 0
            }
            cost[0] = 0
            for start in 0..<n where cost[start] != Int.max {
                if cost[start] + 3 < cost[start + 1] {
                    cost[start + 1] = cost[start] + 3
                    length[start + 1] = 1
                }
                CommandTrie.shared.walk(chars, from: start) { end, _, weak in
                    let total = cost[start] + (weak ? 2 : 1)
                    if total < cost[end] {
                        cost[end] = total
                        length[end] = end - start
                    }
                }
            }
            // Count before building anything.
            var letters = 0
            var commands = 0
            var end = n
            while end > 0 {
                if length[end] == 1 { letters += 1 } else { commands += 1 }
                end -= max(length[end], 1)
            }
            guard letters <= maxLetters, commands > 0 || maxLetters == Int.max else { return nil }
            var pieces: [Piece] = []
            pieces.reserveCapacity(letters + commands)
            end = n
            while end > 0 {
                let size = max(length[end], 1)
                let text = String(decoding: chars[(end - size)..<end], as: UTF8.self)
                pieces.append(size == 1 ? .letter(Character(text)) : .command(text))
                end -= size
            }
            return pieces.reversed()
        }
    }
}
