/// The named values of a template object: a page's context, a paper card, a link.
///
/// Kept as a short list rather than a `Dictionary`: an object holds a dozen fields at
/// most, and finding a key by comparing a few short strings is several times cheaper than
/// hashing it. Ten years of pages build and read millions of these.
public struct TemplateFields: Sendable, ExpressibleByDictionaryLiteral {
    /// Names and values side by side in one array: one allocation (and one buffer to
    /// retain) per object rather than two. Plain tuples, so a literal's own array becomes
    /// the storage: copying it field by field cost an allocation, a retain and a release
    /// per field, and pages are made of millions of fields.
    private var fields: [(String, TemplateValue)] = []

    public init() {}

    /// The fields of `dictionary`, in the order of their names.
    public init(_ dictionary: [String: TemplateValue]) {
        for name in dictionary.keys.sorted() { self[name] = dictionary[name] }
    }

    /// A repeated name keeps its last value, as a dictionary literal would.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.init(elements)
    }

    /// The fields `elements` name, in their order; a repeated name keeps its last value.
    public init(_ elements: [(String, TemplateValue)]) {
        fields = elements
        if Self.repeatsAName(elements) {
            fields = []
            for (name, value) in elements { self[name] = value }
        }
    }

    /// Whether two of `elements` have the same name (lengths compared first).
    private static func repeatsAName(_ elements: [(String, TemplateValue)]) -> Bool {
        for later in elements.indices.dropFirst() {
            let name = elements[later].0
            let length = name.utf8.count
            for earlier in 0..<later where elements[earlier].0.utf8.count == length && elements[earlier].0 == name {
                return true
            }
        }
        return false
    }

    public var count: Int { fields.count }

    /// The fields in the order they were set.
    var elements: [(String, TemplateValue)] { fields }

    public subscript(name: String) -> TemplateValue? {
        get {
            guard let index = position(of: name) else { return nil }
            return fields[index].1
        }
        set {
            if let index = position(of: name) {
                if let newValue {
                    fields[index].1 = newValue
                } else {
                    fields.remove(at: index)
                }
            } else if let newValue {
                fields.append((name, newValue))
            }
        }
    }

    /// Where `name` is. Names of another length are passed over on their byte counts,
    /// which a string keeps: comparing two short strings that differ takes a call into
    /// the standard library, and a clean build's contexts look up millions of names.
    private func position(of name: String) -> Int? {
        let length = name.utf8.count
        return fields.firstIndex { $0.0.utf8.count == length && $0.0 == name }
    }
}
