/// The values a render reads, laid out flat: every value a node of one array, every text in
/// one byte buffer. A page's context used to be a tree of small arrays of strings: each
/// field built was an allocation or a retain, each field read a copy out of its object,
/// and each page released the whole tree again (a tenth of a clean build). Now a context
/// is two allocations, a value is read where it is, and a text is copied once into the
/// buffer and once into the page.
///
/// A context starts as an empty object, `root`. Fields are added to objects and items to
/// lists; each returns its node, which is how nested values are filled. Fields and items
/// keep the order they were added in.
public struct TemplateContext: Sendable {
    /// A value's node, for adding to it when it is an object or a list.
    public struct Slot: Sendable, Equatable {
        let index: Int32
    }

    enum Kind: UInt8, Sendable {
        case text, number, flag, list, object
    }

    struct Node: Sendable {
        /// Its name in its object; `TemplateName.item` for the items of a list.
        var name: Int32
        var kind: Kind
        /// The next field of its object, or item of its list; -1 for the last.
        var next: Int32 = -1
        /// A list's or object's first and last fields or items; -1 when it has none.
        var first: Int32 = -1
        var last: Int32 = -1
        /// A text's bytes are `bytes[value..<(value + count)]`; a number's value, a flag's
        /// 0 or 1; a list's number of items.
        var value: Int = 0
        /// A full `Int`, as the node's stride is the same: no text is too long for it.
        var count = 0
    }

    private(set) var nodes: [Node]
    private(set) var bytes: [UInt8] = []

    /// The context's own object, what a render starts with.
    public static let root = Slot(index: 0)

    /// An empty context, with room for `nodes` values and `bytes` bytes of text.
    public init(nodes: Int = 64, bytes: Int = 1024) {
        self.nodes = []
        self.nodes.reserveCapacity(nodes)
        self.bytes.reserveCapacity(bytes)
        self.nodes.append(Node(name: TemplateName.item.number, kind: .object))
    }

    /// A context holding the fields of `fields`.
    public init(_ fields: TemplateFields) {
        self.init()
        for (name, value) in fields.elements { add(TemplateName(name), value, to: Self.root) }
    }

    // MARK: Adding values

    /// Adds a text field, printed escaped by `{{name}}` and as it is by `{{{name}}}`.
    public mutating func add(_ name: TemplateName, _ text: String, to object: Slot) {
        text.withUTF8Bytes { add(name, utf8: $0, to: object) }
    }

    /// Adds a text field from its UTF-8 bytes (HTML a render made, such as a paper's card).
    public mutating func add(_ name: TemplateName, utf8: UnsafeBufferPointer<UInt8>, to object: Slot) {
        let start = bytes.count
        bytes.append(contentsOf: utf8)
        link(Node(name: name.number, kind: .text, value: start, count: utf8.count), to: object)
    }

    public mutating func add(_ name: TemplateName, _ number: Int, to object: Slot) {
        link(Node(name: name.number, kind: .number, value: number), to: object)
    }

    public mutating func add(_ name: TemplateName, _ flag: Bool, to object: Slot) {
        link(Node(name: name.number, kind: .flag, value: flag ? 1 : 0), to: object)
    }

    /// Adds an object field, to be filled through the slot returned.
    @discardableResult
    public mutating func addObject(_ name: TemplateName, to object: Slot) -> Slot {
        link(Node(name: name.number, kind: .object), to: object)
    }

    /// Adds a list field, to be filled through the slot returned.
    @discardableResult
    public mutating func addList(_ name: TemplateName, to object: Slot) -> Slot {
        link(Node(name: name.number, kind: .list), to: object)
    }

    /// Adds an object to the end of a list, to be filled through the slot returned.
    public mutating func addItem(to list: Slot) -> Slot {
        addObject(.item, to: list)
    }

    /// Adds `value` as a field, nested values and all (or as an item, named `.item`).
    public mutating func add(_ name: TemplateName, _ value: TemplateValue, to object: Slot) {
        switch value {
        case .string(let text): add(name, text, to: object)
        case .int(let number): add(name, number, to: object)
        case .bool(let flag): add(name, flag, to: object)
        case .list(let items):
            let list = addList(name, to: object)
            for item in items { add(.item, item, to: list) }
        case .object(let fields):
            let nested = addObject(name, to: object)
            for (field, value) in fields.elements { add(TemplateName(field), value, to: nested) }
        }
    }

    /// Adds copies of the fields of `other`'s root to `object`: values many pages share,
    /// made once.
    public mutating func addFields(of other: TemplateContext, to object: Slot) {
        guard other.nodes[0].first >= 0 else { return }
        // Node `k` of `other` (all but its root) becomes node `offset + k` here.
        let offset = Int32(truncatingIfNeeded: nodes.count - 1)
        let byteOffset = bytes.count
        bytes.append(contentsOf: other.bytes)
        func moved(_ link: Int32) -> Int32 { link < 0 ? link : link + offset }
        for var node in other.nodes.dropFirst() {
            node.next = moved(node.next)
            node.first = moved(node.first)
            node.last = moved(node.last)
            if node.kind == .text { node.value += byteOffset }
            nodes.append(node)
        }
        let parent = Int(object.index)
        if nodes[parent].last < 0 {
            nodes[parent].first = moved(other.nodes[0].first)
        } else {
            nodes[Int(nodes[parent].last)].next = moved(other.nodes[0].first)
        }
        nodes[parent].last = moved(other.nodes[0].last)
    }

    /// Sets a flag field, adding it or changing the one there: a value that changes
    /// between two renders of one context.
    public mutating func set(_ name: TemplateName, _ flag: Bool, in object: Slot) {
        let found = nodes.withUnsafeBufferPointer { Self.field(name.number, of: object.index, in: $0) }
        if let found, nodes[Int(found)].kind == .flag {
            nodes[Int(found)].value = flag ? 1 : 0
        } else {
            add(name, flag, to: object)
        }
    }

    /// Puts `node` last in `parent` (a list counts its items).
    @discardableResult
    private mutating func link(_ node: Node, to parent: Slot) -> Slot {
        let index = Int32(truncatingIfNeeded: nodes.count)
        nodes.append(node)
        let parentIndex = Int(parent.index)
        let last = nodes[parentIndex].last
        if last < 0 {
            nodes[parentIndex].first = index
        } else {
            nodes[Int(last)].next = index
        }
        nodes[parentIndex].last = index
        if nodes[parentIndex].kind == .list { nodes[parentIndex].value += 1 }
        return Slot(index: index)
    }

    // MARK: Reading values

    /// The field `name` of the object at `index` of `nodes`; nil when it is not an object
    /// or has no such field. A repeated name finds the field added first.
    static func field(_ name: Int32, of index: Int32, in nodes: UnsafeBufferPointer<Node>) -> Int32? {
        let node = nodes[Int(index)]
        guard node.kind == .object else { return nil }
        var field = node.first
        while field >= 0 {
            if nodes[Int(field)].name == name { return field }
            field = nodes[Int(field)].next
        }
        return nil
    }
}

extension TemplateContext.Node {
    /// Whether a section over the value shows: false, 0, "" and empty lists hide it.
    var isTruthy: Bool {
        switch kind {
        case .text: count > 0
        case .number, .flag, .list: value != 0
        case .object: true
        }
    }
}

extension TemplateContext {
    /// Adds everything the context holds to `print`, in order, each value tagged and each
    /// field by its name as written: what a page's context fingerprint is made of.
    func add(to print: inout Fingerprint) {
        add(0, to: &print)
    }

    private func add(_ index: Int32, to print: inout Fingerprint) {
        let node = nodes[Int(index)]
        if node.name >= 0 { print.add(TemplateName.text(of: node.name)) }
        print.add(Int(node.kind.rawValue))
        switch node.kind {
        case .text:
            bytes.withUnsafeBytes {
                print.add(bytes: UnsafeRawBufferPointer(rebasing: $0[node.value..<(node.value + node.count)]))
            }
        case .number, .flag:
            print.add(node.value)
        case .list, .object:
            var child = node.first
            var children = 0
            while child >= 0 {
                add(child, to: &print)
                children += 1
                child = nodes[Int(child)].next
            }
            print.add(children)
        }
    }
}
