import Foundation

/// The identity of a paper: its title with case, accents, punctuation and spacing folded away.
///
/// `"LoRA: Low-Rank Adaptation"` and `"LoRA -- low rank adaptation "` are the same paper;
/// symbols stay significant, so "C++ tricks" and "C tricks" are not.
public struct TitleKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let value: String

    public init(_ title: some StringProtocol) {
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

    /// Symbols that change meaning (`C++`, `C#`, `Q&A`, `x=y`), unlike punctuation.
    private static func isSignificant(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .mathSymbol, .currencySymbol, .otherSymbol: return true
        default: return scalar == "#" || scalar == "&" || scalar == "%" || scalar == "@"
        }
    }

    public static func < (lhs: TitleKey, rhs: TitleKey) -> Bool { lhs.value < rhs.value }
}
