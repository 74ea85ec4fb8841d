/// How pages write one day, and where its page is: made once per listed day, as every
/// card and list of related papers shows its papers' days. A class: a context takes one
/// for each day it shows, and a struct of four strings was four retains each time.
final class DayText: Sendable {
    /// `March 12, 2026`, `Mar 12`, `2026-03-12`.
    let long: String
    let short: String
    let iso: String
    let url: String

    init(_ day: DayDate, routes: Routes) {
        long = day.long
        short = day.short
        iso = day.iso
        url = routes.url(Routes.day(day))
    }
}
