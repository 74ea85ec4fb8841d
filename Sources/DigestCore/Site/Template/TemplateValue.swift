/// What templates see: the values of a page's context, built typed so that look-ups during
/// rendering are plain dictionary reads.
///
/// Not `indirect`: lists and objects already keep their values in arrays, and a boxed
/// case was one more allocation for every string and flag of every page's context.
public enum TemplateValue: Sendable {
    case string(String)
    /// UTF-8 text a render made (a paper's card), printed as it is: made a `String`, every
    /// byte of it was checked again, and pages list cards by the thousand.
    case bytes([UInt8])
    case int(Int)
    case bool(Bool)
    case list([TemplateValue])
    case object(TemplateFields)

    /// Whether a section shows: false, 0, "" and empty lists hide it.
    var isTruthy: Bool {
        switch self {
        case .string(let text): !text.isEmpty
        case .bytes(let bytes): !bytes.isEmpty
        case .int(let number): number != 0
        case .bool(let flag): flag
        case .list(let items): !items.isEmpty
        case .object: true
        }
    }

    /// The field `name` of an object; nil for any other value.
    func field(_ name: String) -> TemplateValue? {
        guard case .object(let fields) = self else { return nil }
        return fields[name]
    }

    /// The text a variable tag prints.
    var text: String {
        switch self {
        case .string(let text): text
        case .bytes(let bytes): String(decoding: bytes, as: UTF8.self)
        case .int(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .list, .object: ""
        }
    }
}

extension TemplateValue {
    /// Adds everything the value holds to `print`, each kind tagged and an object's keys in
    /// sorted order (so the hash does not depend on dictionary order): what a page's
    /// context fingerprint is made of.
    func add(to print: inout Fingerprint) {
        switch self {
        case .string(let text):
            print.add(1)
            print.add(text)
        case .bytes(let bytes):
            // As the string it spells.
            print.add(1)
            bytes.withUnsafeBytes { print.add(bytes: $0) }
        case .int(let number):
            print.add(2)
            print.add(number)
        case .bool(let flag):
            print.add(3)
            print.add(flag)
        case .list(let items):
            print.add(4)
            print.add(items.count)
            for item in items { item.add(to: &print) }
        case .object(let fields):
            print.add(5)
            print.add(fields.count)
            for key in fields.sortedNames {
                print.add(key)
                fields[key]?.add(to: &print)
            }
        }
    }
}

/// Literals for the fixed parts of contexts: `["type": "website", "nav": [...]]`.
extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateFields(elements))
    }
}
