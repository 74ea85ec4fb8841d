import Foundation

/// The identity of a paper: its title with case, accents, punctuation and spacing folded away.
///
/// `"LoRA: Low-Rank Adaptation"` and `"LoRA -- low rank adaptation "` are the same paper;
/// symbols stay significant, so "C++ tricks" and "C tricks" are not.
public struct TitleKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: String

    public init(_ title: some StringProtocol) {
        if let ascii = Self.asciiKey(title) {
            value = ascii
            return
        }
        let folded = String(title).folding(
            options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
        var result = ""
        result.reserveCapacity(folded.utf8.count)
        var pendingSpace = false
        for scalar in folded.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || Self.isSignificant(scalar) {
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.unicodeScalars.append(scalar)
            } else {
                pendingSpace = true
            }
        }
        value = result
    }

    public var description: String { value }

    /// The same folding for an all-ASCII title, without Foundation: most titles are.
    private static func asciiKey(_ title: some StringProtocol) -> String? {
        var result: [UInt8] = []
        result.reserveCapacity(title.utf8.count)
        var pendingSpace = false
        for byte in title.utf8 {
            guard byte < 0x80 else { return nil }
            let kept: UInt8?
            switch byte {
            case 0x41...0x5A: kept = byte + 0x20
            case 0x30...0x39, 0x61...0x7A: kept = byte
            // + < = > | ~ (math symbols), $ (currency), # & % @: significant, as below.
            case 0x2B, 0x3C, 0x3D, 0x3E, 0x7C, 0x7E, 0x24, 0x23, 0x26, 0x25, 0x40: kept = byte
            default: kept = nil
            }
            guard let kept else {
                pendingSpace = true
                continue
            }
            if pendingSpace && !result.isEmpty { result.append(0x20) }
            pendingSpace = false
            result.append(kept)
        }
        return String(decoding: result, as: UTF8.self)
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
