/// What templates see: the values of a page's context, typed once before rendering so that
/// look-ups during rendering are plain dictionary reads.
public indirect enum TemplateValue: Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])

    /// Converts a context built from dictionaries, arrays, strings, numbers and booleans.
    public init(_ value: Any) {
        switch value {
        case let value as TemplateValue: self = value
        case let text as String: self = .string(text)
        case let flag as Bool: self = .bool(flag)
        case let number as Int: self = .int(number)
        case let object as [String: Any]: self = .object(object.mapValues(TemplateValue.init))
        case let list as [Any]: self = .list(list.map(TemplateValue.init))
        default: self = .string(String(describing: value))
        }
    }

    /// Whether a section shows: false, 0, "" and empty lists hide it.
    var isTruthy: Bool {
        switch self {
        case .string(let text): !text.isEmpty
        case .int(let number): number != 0
        case .bool(let flag): flag
        case .list(let items): !items.isEmpty
        case .object: true
        }
    }

    /// The text a variable tag prints.
    var text: String {
        switch self {
        case .string(let text): text
        case .int(let number): String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .list, .object: ""
        }
    }
}
