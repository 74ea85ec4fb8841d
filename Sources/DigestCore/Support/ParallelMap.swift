import Dispatch

extension Array {
    /// `map` spread over the machine's cores; the result keeps the input order, so output
    /// stays deterministic.
    func parallelMap<T>(_ transform: (Element) -> T) -> [T] {
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
                    // contiguous run of them, so two cores never write one cache line at once.
                    let work = UncheckedSendable((elements, transform, base))
                    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                        let (elements, transform, base) = work.value
                        for index in (chunk * count / chunks)..<((chunk + 1) * count / chunks) {
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
