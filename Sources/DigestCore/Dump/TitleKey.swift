import Foundation

/// The identity of a paper: its title with case, accents, punctuation and spacing folded away.
///
/// `"LoRA: Low-Rank Adaptation"` and `"LoRA -- low rank adaptation "` are the same paper;
/// symbols stay significant, so "C++ tricks" and "C tricks" are not.
public struct TitleKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: String

    /// A key as `value` of another key holds it, not folded again.
    init(folded value: String) {
        self.value = value
    }

    public init(_ title: some StringProtocol) {
        let folded = Self.asciiKey(title) ?? Self.foldedKey(title)
        // A title of punctuation alone (`???`) keeps it: folded to nothing, all such titles
        // would be one paper, and every listing but one lost.
        value = folded.isEmpty ? title.split(whereSeparator: \.isWhitespace).joined(separator: " ") : folded
    }

    /// The folding for any title.
    private static func foldedKey(_ title: some StringProtocol) -> String {
        let folded = String(title).folding(
            options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var result = ""
        result.reserveCapacity(folded.utf8.count)
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || isSignificant(scalar) {
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        return result
    }

    public var description: String { value }

    /// The same folding for an all-ASCII title, without Foundation: most titles are.
    private static func asciiKey(_ title: some StringProtocol) -> String? {
        if let key = title.utf8.withContiguousStorageIfAvailable({ asciiKey(bytes: $0) }) { return key }
        return Array(title.utf8).withUnsafeBufferPointer { asciiKey(bytes: $0) }
    }

    /// Made in place, in one allocation: every build folds ten years of titles.
    private static func asciiKey(bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        return String(unsafeUninitializedCapacity: bytes.count) { result in
            var count = 0
            var pendingSpace = false
            for byte in bytes {
                let kept: UInt8
                switch byte {
                case 0x41...0x5A: kept = byte + 0x20
                case 0x30...0x39, 0x61...0x7A: kept = byte
                // + < = > | ~ (math symbols), $ (currency), # & % @: significant, as below.
                case 0x2B, 0x3C, 0x3D, 0x3E, 0x7C, 0x7E, 0x24, 0x23, 0x26, 0x25, 0x40: kept = byte
                default:
                    pendingSpace = true
                    continue
                }
                if pendingSpace && count > 0 {
                    result[count] = 0x20
                    count += 1
                }
                pendingSpace = false
                result[count] = kept
                count += 1
            }
            return count
        }
    }

    /// Symbols that change meaning (`C++`, `C#`, `Q&A`, `x=y`), unlike punctuation.
    private static func isSignificant(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .mathSymbol, .currencySymbol, .otherSymbol: return true
        default: return scalar == "#" || scalar == "&" || scalar == "%" || scalar == "@"
        }
    }

    public static func < (lhs: TitleKey, rhs: TitleKey) -> Bool { lhs.value < rhs.value }
}
