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

extension Array {
    /// `parallelMap` for work of uneven size: elements are handed to the cores one at a
    /// time, those `isHeavy` first, so no core is left with a run of long ones while the
    /// other waits. The result keeps the input order.
    func balancedParallelMap<T>(isHeavy: (Element) -> Bool, _ transform: (Element) -> T) -> [T] {
        let count = self.count
        guard count > 1 else { return map(transform) }
        let order = indices.filter { isHeavy(self[$0]) } + indices.filter { !isHeavy(self[$0]) }
        return withUnsafeBufferPointer { elements in
            [T](unsafeUninitializedCapacity: count) { buffer, initialized in
                guard let base = buffer.baseAddress else { return }
                withoutActuallyEscaping(transform) { transform in
                    // Each iteration writes its own slot; `concurrentPerform` hands out the
                    // next iteration to whichever core is free.
                    let work = UncheckedSendable((elements, transform, base, order))
                    DispatchQueue.concurrentPerform(iterations: count) { step in
                        let (elements, transform, base, order) = work.value
                        let index = order[step]
                        (base + index).initialize(to: transform(elements[index]))
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
