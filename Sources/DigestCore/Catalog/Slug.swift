import Foundation

/// Readable ASCII URL names: `"S²FT: Efficient … Fine-tuning"` → `s2ft-efficient-fine-tuning`.
public enum Slug {
    /// Lower-case ASCII letters, digits and single hyphens, cut at a word end near `maxLength`.
    public static func make(_ text: String, maxLength: Int = 80) -> String {
        if let ascii = asciiSlug(text, maxLength: maxLength) { return ascii }
        let compatible = text.precomposedStringWithCompatibilityMapping
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var slug = ""
        var pendingHyphen = false
        for scalar in compatible.unicodeScalars {
            let ascii: String?
            if scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                ascii = String(scalar).lowercased()
            } else if let name = greek[scalar] {
                ascii = name
            } else if scalar == "ß" {
                ascii = "ss"
            } else if scalar == "'" || scalar == "’" {
                continue  // "Let's" → "lets"
            } else {
                ascii = nil
            }
            guard let ascii else {
                pendingHyphen = !slug.isEmpty
                continue
            }
            if pendingHyphen { slug += "-" }
            pendingHyphen = false
            slug += ascii
        }
        if slug.count > maxLength {
            let cut = slug.prefix(maxLength)
            slug = cut.lastIndex(of: "-").map { String(cut[..<$0]) } ?? String(cut)
        }
        return slug.isEmpty ? "untitled" : slug
    }

    /// The same slug for an all-ASCII text without Foundation's folding, which is slow.
    private static func asciiSlug(_ text: String, maxLength: Int) -> String? {
        var slug: [UInt8] = []
        var pendingHyphen = false
        for byte in text.utf8 {
            guard byte < 0x80 else { return nil }
            let kept: UInt8
            switch byte {
            case 0x41...0x5A: kept = byte + 0x20
            case 0x30...0x39, 0x61...0x7A: kept = byte
            case 0x27: continue  // "Let's" → "lets"
            default:
                pendingHyphen = !slug.isEmpty
                continue
            }
            if pendingHyphen { slug.append(0x2D) }
            pendingHyphen = false
            slug.append(kept)
        }
        // One byte a character: cut on bytes.
        if slug.count > maxLength {
            let cut = slug.prefix(maxLength)
            slug = Array(cut.lastIndex(of: 0x2D).map { cut[..<$0] } ?? cut)
        }
        return slug.isEmpty ? "untitled" : String(decoding: slug, as: UTF8.self)
    }

    /// Six stable base-36 characters derived from `key` (FNV-1a), to tell colliding slugs apart.
    public static func suffix(for key: String) -> String {
        suffix(forBytes: key.utf8)
    }

    /// `suffix(for:)` of bytes as they are: a file's version (a font is not UTF-8, and
    /// decoding it as such to hash it cost more than the rest of a day's rebuild setup).
    public static func suffix(forBytes bytes: some Sequence<UInt8>) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        var result: [UInt8] = []
        result.reserveCapacity(6)
        for _ in 0..<6 {
            result.append(digits[Int(hash % 36)])
            hash /= 36
        }
        return String(decoding: result, as: UTF8.self)
    }

    private static let digits = Array("0123456789abcdefghijklmnopqrstuvwxyz".utf8)

    private static let greek: [Unicode.Scalar: String] = [
        "α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "ε": "epsilon", "ζ": "zeta",
        "η": "eta", "θ": "theta", "ι": "iota", "κ": "kappa", "λ": "lambda", "μ": "mu",
        "ν": "nu", "ξ": "xi", "π": "pi", "ρ": "rho", "σ": "sigma", "τ": "tau", "υ": "upsilon",
        "φ": "phi", "χ": "chi", "ψ": "psi", "ω": "omega",
    ]
}
