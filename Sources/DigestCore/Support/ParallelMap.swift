import Dispatch

extension Array {
    /// `map` spread over the machine's cores; the result keeps the input order, so output
    /// stays deterministic.
    func parallelMap<T>(_ transform: (Element) -> T) -> [T] {
        parallelMap(order: nil, transform)
    }

    /// `parallelMap` with the elements `isHeavy` started first: a long one met last would
    /// keep one core busy while the other waits. The result keeps the input order.
    func parallelMap<T>(heavyFirst isHeavy: (Element) -> Bool, _ transform: (Element) -> T) -> [T] {
        parallelMap(order: indices.filter { isHeavy(self[$0]) } + indices.filter { !isHeavy(self[$0]) }, transform)
    }

    /// Maps the elements in `order` (every index once; nil: in turn), each result in its
    /// element's place.
    private func parallelMap<T>(order: [Int]?, _ transform: (Element) -> T) -> [T] {
        let count = self.count
        guard count > 1 else { return map(transform) }
        // Elements are lent from a buffer: read from the array, each one (a large struct,
        // often) would be copied for the call.
        return withUnsafeBufferPointer { elements in
            [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                guard let base = buffer.baseAddress else { return }
                let chunks = Swift.min(count, 64)
                withoutActuallyEscaping(transform) { transform in
                    // Each chunk writes its own slots and only reads the shared input: a
                    // contiguous run of them, so two cores never write one cache line at once,
                    // and neighbouring elements (pages of one month) stay on one core.
                    let work = UncheckedSendable((elements, transform, base, order))
                    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                        let (elements, transform, base, order) = work.value
                        for step in (chunk * count / chunks)..<((chunk + 1) * count / chunks) {
                            let index = order?[step] ?? step
                            (base + index).initialize(to: transform(elements[index]))
                        }
                    }
                }
                initialized = count
            }
        }
    }
}

/// Hands values to concurrent work whose safety the caller has checked.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
