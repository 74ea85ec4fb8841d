/// Real fragments from the demo dumps with their expected readings. Source: Content/dumps/*.txt.
let mathFragments: [MathFragment] = [
    // MARK: - Lost \frac: `1{2}`, `nk{m}`
    MathFragment(
        "with a 1{2} -epsilon approximation ratio", plain: "with a ½ − ϵ approximation ratio",
        mathml: ["<mfrac><mn>1</mn><mn>2</mn></mfrac>", "<mo>−</mo>", "<mi>ϵ</mi>"],
        note: #"`\frac{1}{2} -\epsilon`: binary minus, so spaced; `epsilon` is ϵ (U+03F5), not ε."#),
    MathFragment(
        "lower bound for the problem -- any randomized algorithm with a 1{2}+epsilon approximation ratio",
        plain: "lower bound for the problem – any randomized algorithm with a ½ + ϵ approximation ratio",
        mathml: ["<mfrac><mn>1</mn><mn>2</mn></mfrac>", "<mo>+</mo>", "<mi>ϵ</mi>"],
        note: "Also checks the text-mode ` -- ` dash next to math."),
    MathFragment(
        "maintains a (1{2}-epsilon)-approximate solution for submodular maximization",
        plain: "maintains a (½ − ϵ)-approximate solution for submodular maximization",
        mathml: ["<mfrac><mn>1</mn><mn>2</mn></mfrac>", "<mo>−</mo>"],
        note: "The hyphen after `)` is an English compound hyphen, not a minus."),
    MathFragment(
        "with running time Obig(n+nk{m}big), removing all the extra logarithmic factors",
        plain: "with running time O(n + nk/m), removing all the extra logarithmic factors",
        mathml: ["<mfrac><mrow><mi>n</mi><mi>k</mi></mrow><mi>m</mi></mfrac>", "<mi>O</mi>", "<mo>+</mo>"],
        note: #"`O\big(n+\frac{nk}{m}\big)`: sizing commands vanish; no vulgar fraction exists, so nk/m."#),

    // MARK: - Big-O, Theta, Omega with scripts
    MathFragment(
        #"due to their \( O(n^3) \) time complexity with Singular Value Decomposition"#,
        plain: "due to their O(n³) time complexity with Singular Value Decomposition",
        mathml: ["<msup><mi>n</mi><mn>3</mn></msup>", "<mi>O</mi>"],
        note: #"Intact `\( … \)` delimiters outside `$…$`."#),
    MathFragment(
        #"This approach reduces the time complexity to \( O(n^2) \) and eliminates the need for SVD computation."#,
        plain: "This approach reduces the time complexity to O(n²) and eliminates the need for SVD computation.",
        mathml: ["<msup><mi>n</mi><mn>2</mn></msup>"]),
    MathFragment(
        #"By employing the \( L_{1,2}-norm \) to further approximate the nuclear norm"#,
        plain: "By employing the L_(1,2)-norm to further approximate the nuclear norm",
        mathml: ["<msub><mi>L</mi><mrow><mn>1</mn><mo>,</mo><mn>2</mn></mrow></msub>"],
        note:
            "The author put the English word inside the delimiters; `-norm` is a hyphen plus the word norm, not minus n·o·r·m. The comma has no subscript form, so L_(1,2)."
    ),
    MathFragment(
        "reduces the training and inference time complexity from O(T^2) to O(T log T) and the space complexity from O(T^2) to O(T).",
        plain:
            "reduces the training and inference time complexity from O(T²) to O(T log T) and the space complexity from O(T²) to O(T).",
        mathml: ["<msup><mi>T</mi><mn>2</mn></msup>", "<mi>log</mi><mo>\u{2061}</mo>"],
        note: "`to` between two bounds is English, not →."),
    MathFragment(
        "their O(V) depth makes them both difficult to parallelise",
        plain: "their O(V) depth makes them both difficult to parallelise", mathml: ["<mi>O</mi>", "<mi>V</mi>"],
        note: "Undamaged big-O; still math."),
    MathFragment(
        "we construct an aggregator of O(log V) depth", plain: "we construct an aggregator of O(log V) depth",
        mathml: ["<mi>log</mi><mo>\u{2061}</mo>", "<mi>V</mi>"]),
    MathFragment(
        "achieve an O(k)-fold speedup in the second", plain: "achieve an O(k)-fold speedup in the second",
        mathml: ["<mi>O</mi>", "<mi>k</mi>"]),
    MathFragment(
        "Fast and Eager k-Medoids Clustering: O(k) Runtime Improvement of the PAM, CLARA, and CLARANS Algorithms",
        plain:
            "Fast and Eager k-Medoids Clustering: O(k) Runtime Improvement of the PAM, CLARA, and CLARANS Algorithms",
        mathml: ["<mi>O</mi>", "<mi>k</mi>"],
        note: "Title. `k-Medoids` is a method name and stays text; only O(k) is math."),
    MathFragment(
        "uses O(nlog n) space and O(log n) query time", plain: "uses O(n log n) space and O(log n) query time",
        mathml: ["<mi>log</mi><mo>\u{2061}</mo>", "<mi>n</mi>"],
        note: #"`n\log n`: the lost backslash glued n to log; the function name gets a space on each side."#),
    MathFragment(
        "the previous best (1+varepsilon)-tree cover has size O(log^2 n) [BFN19].",
        plain: "the previous best (1 + ε)-tree cover has size O(log² n) [BFN19].",
        mathml: ["<msup><mi>log</mi><mn>2</mn></msup>", "<mi>ε</mi>"], note: "[BFN19] is a citation key and stays text."
    ),
    MathFragment(
        "We also obtain the first tree cover of O(1) size for minor-free graphs",
        plain: "We also obtain the first tree cover of O(1) size for minor-free graphs",
        mathml: ["<mi>O</mi>", "<mn>1</mn>"]),
    MathFragment(
        "under the standard Word-RAM model with Theta(log n)-bit words.",
        plain: "under the standard Word-RAM model with Θ(log n)-bit words.",
        mathml: [#"<mi mathvariant="normal">Θ</mi>"#, "<mi>log</mi><mo>\u{2061}</mo>"]),
    MathFragment(
        "We provide an O(nm) time Las Vegas randomized algorithm",
        plain: "We provide an O(nm) time Las Vegas randomized algorithm", mathml: ["<mi>O</mi>", "<mi>m</mi>"]),
    MathFragment(
        "beating the decades-old O(n m log m) running time", plain: "beating the decades-old O(nm log m) running time",
        mathml: ["<mi>log</mi><mo>\u{2061}</mo>", "<mi>m</mi>"],
        note: "The space in `n m` is a source artefact; juxtaposed symbols are written together."),
    MathFragment(
        "with a slightly higher O(nm(log mloglog m)^{1/4}) running time.",
        plain: "with a slightly higher O(nm(log m log log m)^(1/4)) running time.",
        mathml: ["<mi>log</mi><mo>\u{2061}</mo>", "<mrow><mn>1</mn><mo>/</mo><mn>4</mn></mrow>"],
        note:
            #"`\log m\log\log m`: three fused function names. `/` has no superscript form, so ^(1/4). The explicit slash is not a lost \frac, so no ¼."#
    ),
    MathFragment(
        "we give an O(epsilon^{-0.93}n) time Monte Carlo randomized algorithm",
        plain: "we give an O(ϵ^(−0.93)n) time Monte Carlo randomized algorithm",
        mathml: ["<msup><mi>ϵ</mi><mrow><mo>−</mo><mn>0.93</mn></mrow></msup>"],
        note:
            "The brief's example writes ε^(−0.93), but the source says `epsilon`, which is ϵ (U+03F5) by rule 1. `.` has no superscript form, hence the parenthesised exponent."
    ),
    MathFragment(
        "beating the previous O(epsilon^{-1}n) running time", plain: "beating the previous O(ϵ⁻¹n) running time",
        mathml: ["<msup><mi>ϵ</mi><mrow><mo>−</mo><mn>1</mn></mrow></msup>"]),
    MathFragment(
        "the latent state-space dependence is at least Omega(S^{1.5}) in the PAC sample complexity",
        plain: "the latent state-space dependence is at least Ω(S^(1.5)) in the PAC sample complexity",
        mathml: [#"<mi mathvariant="normal">Ω</mi>"#, "<msup><mi>S</mi><mn>1.5</mn></msup>"],
        note: "`in` after the bound is English."),
    MathFragment(
        "which is notably harder than the Theta(S) scaling for fully-observable MDPs",
        plain: "which is notably harder than the Θ(S) scaling for fully-observable MDPs",
        mathml: [#"<mi mathvariant="normal">Θ</mi>"#, "<mi>S</mi>"]),
    MathFragment(
        "Any polynomial sublinear regret is at least Omega(T^{2/3})",
        plain: "Any polynomial sublinear regret is at least Ω(T^(2/3))",
        mathml: [
            #"<mi mathvariant="normal">Ω</mi>"#, "<msup><mi>T</mi><mrow><mn>2</mn><mo>/</mo><mn>3</mn></mrow></msup>",
        ], note: "An explicit 2/3 in an exponent stays a slash (not ⅔)."),
    MathFragment(
        "from the single-step case where O(T) regret is achievable",
        plain: "from the single-step case where O(T) regret is achievable", mathml: ["<mi>O</mi>", "<mi>T</mi>"]),
    MathFragment(
        "our algorithm runs in time widetilde O(|Omega| k), which is nearly linear",
        plain: "our algorithm runs in time Õ(|Ω|k), which is nearly linear",
        mathml: [#"<mover accent="true"><mi>O</mi><mo>~</mo></mover>"#, #"<mi mathvariant="normal">Ω</mi>"#],
        note: #"`\widetilde O` and `\tilde O` read the same: precomposed Õ (U+00D5)."#),
    MathFragment(
        "alternating minimization approaches which require widetilde O(|Omega| k^2) time.",
        plain: "alternating minimization approaches which require Õ(|Ω|k²) time.",
        mathml: [#"<mover accent="true"><mi>O</mi><mo>~</mo></mover>"#, "<msup><mi>k</mi><mn>2</mn></msup>"]),
    MathFragment(
        "our algorithm only needs to explore tilde O( d^2varepsilon^{-2}) episodes",
        plain: "our algorithm only needs to explore Õ(d²ε⁻²) episodes",
        mathml: [
            #"<mover accent="true"><mi>O</mi><mo>~</mo></mover>"#, "<msup><mi>d</mi><mn>2</mn></msup>",
            "<msup><mi>ε</mi><mrow><mo>−</mo><mn>2</mn></mrow></msup>",
        ], note: "No space after `(`; d² and ε⁻² are juxtaposed."),
    MathFragment(
        "In addition, we provide an Omega(d^2varepsilon^{-2}) sample complexity lower bound",
        plain: "In addition, we provide an Ω(d²ε⁻²) sample complexity lower bound",
        mathml: [#"<mi mathvariant="normal">Ω</mi>"#, "<msup><mi>ε</mi><mrow><mo>−</mo><mn>2</mn></mrow></msup>"]),
    MathFragment(
        "is mathcal{O}( n + nLvarepsilon^{-1}), which improves upon existing methods",
        plain: "is 𝒪(n + nLε⁻¹), which improves upon existing methods",
        mathml: ["<mi>𝒪</mi>", "<mi>L</mi>", "<msup><mi>ε</mi><mrow><mo>−</mo><mn>1</mn></mrow></msup>"],
        note: #"`nL\varepsilon^{-1}`: the product nLε⁻¹ fused with the command name."#),
    MathFragment(
        "the target h up to vanishing test error in mathcal{O}(d^k) samples and polynomial time",
        plain: "the target h up to vanishing test error in 𝒪(dᵏ) samples and polynomial time",
        mathml: ["<mi>𝒪</mi>", "<msup><mi>d</mi><mi>k</mi></msup>"],
        note: "`in` before the bound is English, not ∈. The bare h is a variable; no markup is required for it."),
    MathFragment(
        "kernel methods, which require widetilde Theta(d^{kq}) samples",
        plain: "kernel methods, which require Θ\u{0303}(d^(kq)) samples",
        mathml: [
            #"<mover accent="true"><mi mathvariant="normal">Θ</mi><mo>~</mo></mover>"#,
            "<msup><mi>d</mi><mrow><mi>k</mi><mi>q</mi></mrow></msup>",
        ], note: "Θ\u{0303} has no precomposed form: Θ + U+0303. q has no superscript letter, so d^(kq)."),
    MathFragment(
        "the information-theoretically optimal sample complexity mathcal{O}(d^2), which is an improvement",
        plain: "the information-theoretically optimal sample complexity 𝒪(d²), which is an improvement",
        mathml: ["<mi>𝒪</mi>", "<msup><mi>d</mi><mn>2</mn></msup>"]),
    MathFragment(
        "requiring a sample size of widetildeTheta(d^4).", plain: "requiring a sample size of Θ\u{0303}(d⁴).",
        mathml: [
            #"<mover accent="true"><mi mathvariant="normal">Θ</mi><mo>~</mo></mover>"#,
            "<msup><mi>d</mi><mn>4</mn></msup>",
        ], note: #"Fused `\widetilde\Theta`."#),
    MathFragment(
        "recover the feature p with mathcal{O}(d^k) samples", plain: "recover the feature p with 𝒪(dᵏ) samples",
        mathml: ["<mi>𝒪</mi>", "<msup><mi>d</mi><mi>k</mi></msup>"]),
    MathFragment(
        "searching for an O(varepsilon)-optimal action requires pulling at least Omega(exp(d)) queries",
        plain: "searching for an O(ε)-optimal action requires pulling at least Ω(exp(d)) queries",
        mathml: ["<mi>ε</mi>", #"<mi mathvariant="normal">Ω</mi>"#, "<mi>exp</mi><mo>\u{2061}</mo>"]),
    MathFragment(
        "a degraded O(varepsilond)-optimal solution can be learned within poly(d/varepsilon) queries",
        plain: "a degraded O(εd)-optimal solution can be learned within poly(d/ε) queries",
        mathml: ["<mi>poly</mi><mo>\u{2061}</mo>", "<mi>ε</mi>", "<mo>/</mo>"],
        note: #"`\varepsilon d` lost its space and fused into `varepsilond`."#),
    MathFragment(
        "could break the varepsilond barrier", plain: "could break the εd barrier",
        mathml: ["<mi>ε</mi>", "<mi>d</mi>"]),
    MathFragment(
        "by querying O(varepsilon^{-s}d^s) actions, where s is the sparsity parameter",
        plain: "by querying O(ε⁻ˢdˢ) actions, where s is the sparsity parameter",
        mathml: ["<msup><mi>ε</mi><mrow><mo>−</mo><mi>s</mi></mrow></msup>", "<msup><mi>d</mi><mi>s</mi></msup>"]),
    MathFragment(
        "removing the exp(d)-dependence", plain: "removing the exp(d)-dependence",
        mathml: ["<mi>exp</mi><mo>\u{2061}</mo>"],
        note: "exp applied to parentheses: no space before `(`; the trailing hyphen is English."),
    MathFragment(
        "information-theoretical lower bounds, i.e., Omega(exp(s)), to show",
        plain: "information-theoretical lower bounds, i.e., Ω(exp(s)), to show",
        mathml: [#"<mi mathvariant="normal">Ω</mi>"#, "<mi>exp</mi><mo>\u{2061}</mo>"]),
    MathFragment(
        "if one demands an error O(s^{delta}varepsilon) for 0<delta<1.",
        plain: "if one demands an error O(sᵟε) for 0 < δ < 1.",
        mathml: ["<msup><mi>s</mi><mi>δ</mi></msup>", "<mo>&lt;</mo>", "<mi>δ</mi>"],
        note: "δ has a superscript form ᵟ (U+1D5F)."),
    MathFragment(
        "For deltageq 1, we further show that poly(s/varepsilon) queries are possible",
        plain: "For δ ≥ 1, we further show that poly(s/ε) queries are possible",
        mathml: ["<mo>≥</mo>", "<mi>poly</mi><mo>\u{2061}</mo>"], note: #"Fused `\delta\geq`."#),
    MathFragment(
        "a query complexity bounded by poly(log(n),log(k),epsilon^{-1}).",
        plain: "a query complexity bounded by poly(log(n), log(k), ϵ⁻¹).",
        mathml: [
            "<mi>poly</mi><mo>\u{2061}</mo>", "<mo>,</mo>", "<msup><mi>ϵ</mi><mrow><mo>−</mo><mn>1</mn></mrow></msup>",
        ], note: "Comma followed by one space. The brief's example writes ε⁻¹, but `epsilon` is ϵ (U+03F5) by rule 1."),
    MathFragment(
        "For the (1+epsilon)-approximate version of Text-to-Pattern Hamming Distances",
        plain: "For the (1 + ϵ)-approximate version of Text-to-Pattern Hamming Distances",
        mathml: ["<mo>+</mo>", "<mi>ϵ</mi>"]),
    MathFragment(
        "compute the Hamming distance between P and T[i, ., . , i+m-1] for every shift i",
        plain: "compute the Hamming distance between P and T[i..i + m − 1] for every shift i",
        mathml: ["<mi>T</mi>", "<mo>−</mo>"],
        note:
            #"Original `T[i\,.\,.\,i+m-1]`: each thin space `\,` lost its backslash and left a comma. A mathematician writes the index range i..i + m − 1. Ambiguous; the commas are not punctuation."#
    ),

    // MARK: - mathfrak S, ell_p, fused relations
    MathFragment(
        "Sharper Bounds for ell_p Sensitivity Sampling", plain: "Sharper Bounds for ℓₚ Sensitivity Sampling",
        mathml: ["<msub><mi>ℓ</mi><mi>p</mi></msub>"], note: "Title; goes into <title> as ℓₚ."),
    MathFragment(
        "the total sensitivity mathfrak S in remarkably general settings",
        plain: "the total sensitivity 𝔖 in remarkably general settings", mathml: ["<mi>𝔖</mi>"],
        note: "`in` after a symbol but before an English phrase is English, not ∈."),
    MathFragment(
        "this general bound of mathfrak S d are known in perhaps only one setting",
        plain: "this general bound of 𝔖d are known in perhaps only one setting", mathml: ["<mi>𝔖</mi>", "<mi>d</mi>"],
        note: "The product 𝔖·d: juxtaposed symbols stay together."),
    MathFragment(
        "for ell_2 subspace embeddings, despite intense study",
        plain: "for ℓ₂ subspace embeddings, despite intense study", mathml: ["<msub><mi>ℓ</mi><mn>2</mn></msub>"]),
    MathFragment(
        "for ell_p subspace embeddings for pneq 2 that improve over the general",
        plain: "for ℓₚ subspace embeddings for p ≠ 2 that improve over the general",
        mathml: ["<msub><mi>ℓ</mi><mi>p</mi></msub>", "<mo>≠</mo>"], note: #"Fused `p\neq`."#),
    MathFragment(
        "achieving a bound of roughly mathfrak S^{2/p} for 1leq p<2",
        plain: "achieving a bound of roughly 𝔖^(2/p) for 1 ≤ p < 2",
        mathml: ["<msup><mi>𝔖</mi><mrow><mn>2</mn><mo>/</mo><mi>p</mi></mrow></msup>", "<mo>≤</mo>", "<mo>&lt;</mo>"],
        note: #"Fused `1\leq`."#),
    MathFragment(
        "and mathfrak S^{2-2/p} for 2<p<infty.", plain: "and 𝔖^(2−2/p) for 2 < p < ∞.",
        mathml: ["<mrow><mn>2</mn><mo>−</mo><mn>2</mn><mo>/</mo><mi>p</mi></mrow>", "<mi>∞</mi>"],
        note: "No spaces inside the exponent; minus is U+2212."),
    MathFragment(
        "For 1leq p<2, we show that this bound is tight", plain: "For 1 ≤ p < 2, we show that this bound is tight",
        mathml: ["<mn>1</mn>", "<mo>≤</mo>", "<mo>&lt;</mo>"]),
    MathFragment(
        "there exist matrices for which mathfrak S^{2/p} samples is necessary",
        plain: "there exist matrices for which 𝔖^(2/p) samples is necessary", mathml: ["<mi>𝔖</mi>"]),
    MathFragment(
        "achieves an improved bound of roughly d^{2/p}mathfrak S^{2-4/p} for 2<p<infty",
        plain: "achieves an improved bound of roughly d^(2/p)𝔖^(2−4/p) for 2 < p < ∞",
        mathml: [
            "<msup><mi>d</mi><mrow><mn>2</mn><mo>/</mo><mi>p</mi></mrow></msup>",
            "<mrow><mn>2</mn><mo>−</mo><mn>4</mn><mo>/</mo><mi>p</mi></mrow>", "<mi>∞</mi>",
        ]),
    MathFragment(
        "a wide class of structured matrices that have small ell_p sensitivity.",
        plain: "a wide class of structured matrices that have small ℓₚ sensitivity.",
        mathml: ["<msub><mi>ℓ</mi><mi>p</mi></msub>"]),
    MathFragment(
        "computing the ell_infty local Lipschitz constant of a neural network",
        plain: "computing the ℓ_∞ local Lipschitz constant of a neural network",
        mathml: ["<msub><mi>ℓ</mi><mi>∞</mi></msub>"], note: "∞ has no subscript form, so ℓ_∞."),
    MathFragment(
        "low-rank matrix recovery with ell_1-loss, where the goal is",
        plain: "low-rank matrix recovery with ℓ₁-loss, where the goal is",
        mathml: ["<msub><mi>ℓ</mi><mn>1</mn></msub>"], note: "`-loss` is an English compound."),
    MathFragment(
        "the sub-differential of the ell_1-loss from that of an ideal",
        plain: "the sub-differential of the ℓ₁-loss from that of an ideal",
        mathml: ["<msub><mi>ℓ</mi><mn>1</mn></msub>"]),

    // MARK: - Attention formulas: times, exp, diag, ^top, bold 1, cube root
    MathFragment(
        "we are given three n times d size matrices Q, K, V (the query, key, and value tokens)",
        plain: "we are given three n × d size matrices Q, K, V (the query, key, and value tokens)",
        mathml: ["<mo>×</mo>", "<mi>n</mi>"], note: "`times` between two symbols is ×."),
    MathFragment(
        "compute a new n times d size matrix D^{-1} exp(QK^top) V where",
        plain: "compute a new n × d size matrix D⁻¹ exp(QKᵀ)V where",
        mathml: [
            "<msup><mi>D</mi><mrow><mo>−</mo><mn>1</mn></mrow></msup>", "<mi>exp</mi><mo>\u{2061}</mo>",
            "<msup><mi>K</mi><mi>⊤</mi></msup>",
        ],
        note:
            #"`^\top` is the transpose ᵀ. A space separates D⁻¹ from the function name; V is juxtaposed to the closing parenthesis."#
    ),
    MathFragment(
        "where D = diag( exp(QK^top) {bf 1}_n ).", plain: "where D = diag(exp(QKᵀ)𝟏ₙ).",
        mathml: ["<mi>diag</mi><mo>\u{2061}</mo>", "<msub><mn>𝟏</mn><mi>n</mi></msub>", "<mo>=</mo>"],
        note: #"`{\bf 1}_n` is the all-ones vector 𝟏ₙ (U+1D7CF)."#),
    MathFragment(
        "bounded above by o(sqrt[3]{log n}) then we show how to approximate",
        plain: "bounded above by o(∛(log n)) then we show how to approximate",
        mathml: ["<mroot>", "<mn>3</mn></mroot>", "<mi>o</mi>"],
        note: "Compound radicand gets parentheses in plain text."),
    MathFragment(
        "approximate the ``tensor-type'' attention matrix in n^{1+o(1)} time.",
        plain: "approximate the “tensor-type” attention matrix in n¹⁺ᵒ⁽¹⁾ time.",
        mathml: ["<msup><mi>n</mi><mrow><mn>1</mn><mo>+</mo><mi>o</mi>"],
        note: "Every character of 1+o(1) has a superscript form."),
    MathFragment(
        "may be as large as Omega(sqrt[3]{log n}), then there is no algorithm",
        plain: "may be as large as Ω(∛(log n)), then there is no algorithm",
        mathml: [#"<mi mathvariant="normal">Ω</mi>"#, "<mroot>"]),
    MathFragment(
        "no algorithm that runs faster than n^{3-o(1)} (assuming the Strong Exponential Time Hypothesis",
        plain: "no algorithm that runs faster than n³⁻ᵒ⁽¹⁾ (assuming the Strong Exponential Time Hypothesis",
        mathml: ["<msup><mi>n</mi><mrow><mn>3</mn><mo>−</mo><mi>o</mi>"]),
    MathFragment(
        "our method only requires d^2 + d extra parameters for representation, where d is the feature dimension",
        plain: "our method only requires d² + d extra parameters for representation, where d is the feature dimension",
        mathml: ["<msup><mi>d</mi><mn>2</mn></msup>", "<mo>+</mo>"]),

    // MARK: - Weights: W^star, W_Q, alpha B A / r
    MathFragment(
        "the input sequence X, pretrained weights W^star, and adapter matrices alpha B A / r.",
        plain: "the input sequence X, pretrained weights W*, and adapter matrices αBA/r.",
        mathml: ["<msup><mi>W</mi><mo>⋆</mo></msup>", "<mi>α</mi>", "<mo>/</mo>"],
        note: #"`W^\star` reads W* in plain text. αBA/r: juxtaposed factors, slash without spaces."#),
    MathFragment(
        "partial (e.g., only W_V and W_Q) and full adaptations (e.g., W_Q, W_V, and W_K)",
        plain: "partial (e.g., only W_V and W_Q) and full adaptations (e.g., W_Q, W_V, and W_K)",
        mathml: [
            "<msub><mi>W</mi><mi>V</mi></msub>", "<msub><mi>W</mi><mi>Q</mi></msub>",
            "<msub><mi>W</mi><mi>K</mi></msub>",
        ], note: "Capital subscripts have no Unicode form, so the plain text equals the source."),

    // MARK: - mathcal, Greek capitals, circ, gg
    MathFragment(
        "an excess risk of mathcal{O}(mathcal{C_Phi/m} + mathcal{C_Psi/n}) for downstream tasks",
        plain: "an excess risk of 𝒪(𝒞_Φ/m + 𝒞_Ψ/n) for downstream tasks",
        mathml: ["<mi>𝒪</mi>", #"<msub><mi>𝒞</mi><mi mathvariant="normal">Φ</mi></msub>"#, "<mo>+</mo>"],
        note:
            #"The paper had `\sqrt{\mathcal{C}_\Phi/m}`; the root cannot be recovered from the dump, and only C is calligraphic."#
    ),
    MathFragment(
        "where C_Phi, C_Psi are complexity measures of function classes Phi, Psi,",
        plain: "where C_Φ, C_Ψ are complexity measures of function classes Φ, Ψ,",
        mathml: [#"<msub><mi>C</mi><mi mathvariant="normal">Φ</mi></msub>"#, #"<mi mathvariant="normal">Ψ</mi>"#],
        note: #"Capital Greek has no subscript form. Upstream dropped \mathcal here, so C stays plain."#),
    MathFragment(
        "Comparing to the baseline of mathcal{O}(mathcal{C_{Phi circ Psi}/n}) achieved by performing",
        plain: "Comparing to the baseline of 𝒪(𝒞_(Φ∘Ψ)/n) achieved by performing",
        mathml: ["<mo>∘</mo>", "<mi>𝒞</mi>"], note: "No spaces inside a subscript, even around ∘."),
    MathFragment(
        "the benefit of unsupervised pretraining when m gg n and C_{Phicirc Psi} > C_Psi.",
        plain: "the benefit of unsupervised pretraining when m ≫ n and C_(Φ∘Ψ) > C_Ψ.",
        mathml: ["<mo>≫</mo>", "<mo>∘</mo>"], note: #"Fused `\Phi\circ`."#),
    MathFragment(
        "specified by an abstract class of latent variable models Phi and the downstream task",
        plain: "specified by an abstract class of latent variable models Φ and the downstream task",
        mathml: [#"<mi mathvariant="normal">Φ</mi>"#]),
    MathFragment(
        "is specified by a class of prediction functions Psi.",
        plain: "is specified by a class of prediction functions Ψ.", mathml: [#"<mi mathvariant="normal">Ψ</mi>"#]),

    // MARK: - Real numbers, arrows, membership, subsets
    MathFragment(
        "target functions of the form h = g circ p where p : R^d rightarrow R is a degree k polynomial",
        plain: "target functions of the form h = g ∘ p where p : ℝᵈ → ℝ is a degree k polynomial",
        mathml: ["<mo>∘</mo>", "<msup><mi>ℝ</mi><mi>d</mi></msup>", "<mo>→</mo>"],
        note: "A bare R as domain or codomain is ℝ."),
    MathFragment(
        "and g: R rightarrow R is a degree q polynomial.", plain: "and g : ℝ → ℝ is a degree q polynomial.",
        mathml: ["<mi>ℝ</mi>", "<mo>→</mo>"],
        note: "The colon in a map signature is a TeX relation, spaced like the `p : ℝᵈ → ℝ` just before it."),
    MathFragment(
        "which corresponds to k=1, and is a natural class", plain: "which corresponds to k = 1, and is a natural class",
        mathml: ["<mi>k</mi>", "<mo>=</mo>"],
        note: "Undamaged `$k=1$` whose dollars were dropped; relation spacing applies."),
    MathFragment(
        "Given a matrix Min R^{mtimes n}, the low rank matrix completion problem",
        plain: "Given a matrix M ∈ ℝ^(m×n), the low rank matrix completion problem",
        mathml: ["<mo>∈</mo>", "<msup><mi>ℝ</mi><mrow><mi>m</mi><mo>×</mo><mi>n</mi></mrow></msup>"],
        note: #"Fused `M\in`; × has no superscript form."#),
    MathFragment(
        "a rank-k approximation of M as UV^top for Uin R^{mtimes k} and Vin R^{ntimes k} by only observing",
        plain: "a rank-k approximation of M as UVᵀ for U ∈ ℝ^(m×k) and V ∈ ℝ^(n×k) by only observing",
        mathml: ["<msup><mi>V</mi><mi>⊤</mi></msup>", "<mo>∈</mo>", "<mo>×</mo>"],
        note: "`rank-k` stays an English compound."),
    MathFragment(
        "a set of entries Omegasubseteq [m]times [n].", plain: "a set of entries Ω ⊆ [m] × [n].",
        mathml: [#"<mi mathvariant="normal">Ω</mi>"#, "<mo>⊆</mo>", "<mo>×</mo>"]),
    MathFragment(
        "given linear features in R^d that approximate the rewards",
        plain: "given linear features in ℝᵈ that approximate the rewards",
        mathml: ["<msup><mi>ℝ</mi><mi>d</mi></msup>"], note: "`in` is English here (features in ℝᵈ), not ∈."),
    MathFragment(
        "with a uniform error of varepsilon, searching for", plain: "with a uniform error of ε, searching for",
        mathml: ["<mi>ε</mi>"]),
    MathFragment(
        "with stretch 1+varepsilon and O(1) many trees", plain: "with stretch 1 + ε and O(1) many trees",
        mathml: ["<mo>+</mo>", "<mi>ε</mi>"]),
    MathFragment(
        "for any fixed varepsilon in (0,1).", plain: "for any fixed ε ∈ (0, 1).", mathml: ["<mo>∈</mo>", "<mo>,</mo>"],
        note: "Here `in` sits between a symbol and an interval: ∈."),
    MathFragment(
        "the first optimal distance oracle for K_r-minor-free graphs, with 1+varepsilon stretch",
        plain: "the first optimal distance oracle for Kᵣ-minor-free graphs, with 1 + ε stretch",
        mathml: ["<msub><mi>K</mi><mi>r</mi></msub>", "<mo>+</mo>"]),
    MathFragment(
        #"we breach the "planarity barrier" to construct a shortcut partition for K_r-minor-free graphs for any r."#,
        plain:
            #"we breach the "planarity barrier" to construct a shortcut partition for Kᵣ-minor-free graphs for any r."#,
        mathml: ["<msub><mi>K</mi><mi>r</mi></msub>"], note: "Straight double quotes stay as typed."),
    MathFragment(
        "when the step size gamma to infty.", plain: "when the step size γ → ∞.",
        mathml: ["<mi>γ</mi>", "<mo>→</mo>", "<mi>∞</mi>"],
        note: #"`\gamma \to \infty`: `to` between two math symbols is →, unlike `to` between numbers in prose."#),

    // MARK: - Braced operators: {+} {=} {to} {times} {-} {<}
    MathFragment(
        "by embedding paths in N{+}D dimensional space", plain: "by embedding paths in N + D dimensional space",
        mathml: ["<mi>N</mi>", "<mo>+</mo>", "<mi>D</mi>"]),
    MathFragment(
        "The new models reduce to PFGM when D{=}1 and to diffusion models when D{to}infty.",
        plain: "The new models reduce to PFGM when D = 1 and to diffusion models when D → ∞.",
        mathml: ["<mo>=</mo>", "<mo>→</mo>", "<mi>∞</mi>"], note: "Both English `to`s stay; only `{to}` is an arrow."),
    MathFragment(
        "from diffusion models (D{to} infty) to any finite D values",
        plain: "from diffusion models (D → ∞) to any finite D values", mathml: ["<mo>→</mo>", "<mi>∞</mi>"]),
    MathFragment(
        "on CIFAR-10/FFHQ 64{times}64 datasets", plain: "on CIFAR-10/FFHQ 64 × 64 datasets",
        mathml: ["<mn>64</mn>", "<mo>×</mo>"], note: "CIFAR-10/FFHQ is a dataset name; its slash and hyphen are text."),
    MathFragment(
        "with FID scores of 1.91/2.43 when D{=}2048/128.", plain: "with FID scores of 1.91/2.43 when D = 2048/128.",
        mathml: ["<mo>=</mo>", "<mn>2048</mn>"], note: "1.91/2.43 is a pair of scores in prose, not a fraction."),
    MathFragment(
        "In class-conditional setting, D{=}2048 yields current state-of-the-art FID",
        plain: "In class-conditional setting, D = 2048 yields current state-of-the-art FID",
        mathml: ["<mi>D</mi>", "<mo>=</mo>", "<mn>2048</mn>"]),
    MathFragment(
        "i.e., |Params(M){-}Params(m)|{<}Delta.", plain: "i.e., |Params(M) − Params(m)| < Δ.",
        mathml: ["<mo>−</mo>", "<mo>&lt;</mo>", #"<mi mathvariant="normal">Δ</mi>"#],
        note: "Params is a word inside math and stays one word."),
    MathFragment(
        "A recent paper at NeurIPS'20 by Lattanzi, Mitrovic, Norouzi{-}Fard, Tarnawski",
        plain: "A recent paper at NeurIPS'20 by Lattanzi, Mitrovic, Norouzi-Fard, Tarnawski",
        note: "`{-}` in a surname is a text-mode hyphen (BibTeX style), not a minus. NeurIPS'20 keeps its apostrophe."),

    // MARK: - Bold vectors: mathbf x_0, mathbf u, mathbf y
    MathFragment(
        "the reachable set of output token sequences R_y(mathbf x_0) for which there exists",
        plain: "the reachable set of output token sequences R_y(𝐱₀) for which there exists",
        mathml: ["<msub><mi>R</mi><mi>y</mi></msub>", "<msub><mi>𝐱</mi><mn>0</mn></msub>"],
        note: "y has no subscript form, so R_y; R is a set name here, not ℝ."),
    MathFragment(
        "a control input sequence mathbf u for each mathbf y in R_y(mathbf x_0) that steers",
        plain: "a control input sequence 𝐮 for each 𝐲 ∈ R_y(𝐱₀) that steers",
        mathml: ["<mi>𝐮</mi>", "<mi>𝐲</mi>", "<mo>∈</mo>"], note: "`in` between a symbol and a set is ∈."),
    MathFragment(
        "to output mathbf y from initial state sequence mathbf x_0.",
        plain: "to output 𝐲 from initial state sequence 𝐱₀.",
        mathml: ["<mi>𝐲</mi>", "<msub><mi>𝐱</mi><mn>0</mn></msub>"]),
    MathFragment(
        "w.r.t. initial state sequences mathbf x_0 sampled from the Wikitext dataset",
        plain: "w.r.t. initial state sequences 𝐱₀ sampled from the Wikitext dataset",
        mathml: ["<msub><mi>𝐱</mi><mn>0</mn></msub>"], note: "w.r.t. is an abbreviation."),
    MathFragment(
        "reachable over 97% of the time with prompts of kleq 10 tokens",
        plain: "reachable over 97% of the time with prompts of k ≤ 10 tokens",
        mathml: ["<mi>k</mi>", "<mo>≤</mo>", "<mn>10</mn>"], note: #"Fused `k\leq`. 97% is a plain text percent."#),
    MathFragment(
        "reachable at least 85% of the time with prompts of kleq 10 tokens",
        plain: "reachable at least 85% of the time with prompts of k ≤ 10 tokens", mathml: ["<mo>≤</mo>"]),

    // MARK: - Greek letters as variables
    MathFragment(
        "the L2-regularized-target-source-relevance parameter nu^2.",
        plain: "the L2-regularized-target-source-relevance parameter ν².",
        mathml: ["<msup><mi>ν</mi><mn>2</mn></msup>"], note: "L2 inside a hyphenated English compound stays as typed."),
    MathFragment(
        "the strict dominance of the L1-regularized-relevance-based (nu^1-based) strategy",
        plain: "the strict dominance of the L1-regularized-relevance-based (ν¹-based) strategy",
        mathml: ["<msup><mi>ν</mi><mn>1</mn></msup>"]),
    MathFragment(
        "When nu^1 is unknown, we propose a practical algorithm",
        plain: "When ν¹ is unknown, we propose a practical algorithm", mathml: ["<msup><mi>ν</mi><mn>1</mn></msup>"]),
    MathFragment(
        "a standard solver whose parameter omega has a strong impact on its runtime",
        plain: "a standard solver whose parameter ω has a strong impact on its runtime", mathml: ["<mi>ω</mi>"]),
    MathFragment(
        "the overall cost approaches that of the best fixed omega as the sequence length increases",
        plain: "the overall cost approaches that of the best fixed ω as the sequence length increases",
        mathml: ["<mi>ω</mi>"]),
    MathFragment(
        "decomposing parameter matrices of models using U, Sigma, and V matrices",
        plain: "decomposing parameter matrices of models using U, Σ, and V matrices",
        mathml: [#"<mi mathvariant="normal">Σ</mi>"#], note: "The SVD factors U, Σ, V."),
    MathFragment(
        "The data distribution (e.g., ratio lambda and pattern) plays a crucial role",
        plain: "The data distribution (e.g., ratio λ and pattern) plays a crucial role", mathml: ["<mi>λ</mi>"],
        note: "Contrast with the English trap `lambda functions`."),
    MathFragment(
        "combining the Power scheduler with Maximum Update Parameterization (muP) can consistently",
        plain: "combining the Power scheduler with Maximum Update Parameterization (μP) can consistently",
        note:
            "Decision: μP is the standard spelling of Maximal Update Parametrization, so `mu` fused to a capital is μ. It is a name, so no MathML is required. MHR-mu is MHR-μ by the hyphenated-name rule."
    ),
    MathFragment(
        "we study methods such as warm-up, weight decay, and the muParam (Yang et al., 2022)",
        plain: "we study methods such as warm-up, weight decay, and the μParam (Yang et al., 2022)",
        note: "Same decision as μP: the paper cites μParam."),
    MathFragment(
        "different backbones (e.g., VSEinfty, CLIP4Clip, Clip-ViL, and MDETR)",
        plain: "different backbones (e.g., VSE∞, CLIP4Clip, Clip-ViL, and MDETR)",
        note: #"Decision: the model is called VSE∞; `\infty` fused to an acronym. Text, no MathML required."#),

    // MARK: - Superscripts and subscripts in names and titles
    MathFragment(
        "S^{2}FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity",
        plain: "S²FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity",
        mathml: ["<msup><mi>S</mi><mn>2</mn></msup>"], note: "Title: <title> and feed read S²FT."),
    MathFragment(
        "Finally, S^{2}FT performs in-place gradient updates on all submatrices.",
        plain: "Finally, S²FT performs in-place gradient updates on all submatrices.",
        mathml: ["<msup><mi>S</mi><mn>2</mn></msup>"]),
    MathFragment(
        "a multi-head convolutional cross-covariance (MHC^3) to compute second-order moments",
        plain: "a multi-head convolutional cross-covariance (MHC³) to compute second-order moments",
        mathml: ["<mn>3</mn></msup>"],
        note: "Only the script is asserted, since the base may be split into letters or kept as one name."),
    MathFragment(
        "for backbones based on MP, namely MP_{+}.", plain: "for backbones based on MP, namely MP₊.",
        mathml: ["<mo>+</mo></msub>"]),
    MathFragment(
        "while our MP_{+} achieves state-of-the-art performance.",
        plain: "while our MP₊ achieves state-of-the-art performance.", mathml: ["<mo>+</mo></msub>"]),
    MathFragment(
        "called In-Image Learning (I^2L) that combines demonstration examples",
        plain: "called In-Image Learning (I²L) that combines demonstration examples",
        mathml: ["<msup><mi>I</mi><mn>2</mn></msup>"], note: "`In` and `Image` are English."),
    MathFragment(
        "We also introduce I^2L-Hybrid, a method that combines the strengths of I^2L with other ICL methods.",
        plain: "We also introduce I²L-Hybrid, a method that combines the strengths of I²L with other ICL methods.",
        mathml: ["<msup><mi>I</mi><mn>2</mn></msup>"]),
    MathFragment(
        "centerline perception (+6.9 DET_l), and the newly defined one",
        plain: "centerline perception (+6.9 DETₗ), and the newly defined one", mathml: ["<mi>l</mi></msub>"],
        note: "The metric DET with subscript l; ₗ is U+2097. +6.9 is a text gain and stays."),
    MathFragment(
        "a depthwise stacking operator, called G_{stack}, exhibits remarkable acceleration",
        plain: "a depthwise stacking operator, called G_(stack), exhibits remarkable acceleration",
        mathml: ["<msub><mi>G</mi><mtext>stack</mtext></msub>"],
        note:
            #"`G_{\text{stack}}`: the subscript is a word; not all of its letters have subscript forms (c), so G_(stack)."#
    ),
    MathFragment(
        "our study shows that G_{stack} is scalable and consistently performs well",
        plain: "our study shows that G_(stack) is scalable and consistently performs well",
        mathml: ["<mtext>stack</mtext>"]),
    MathFragment(
        "comprehensive ablation studies of G_{stack}. Our code",
        plain: "comprehensive ablation studies of G_(stack). Our code",
        mathml: ["<msub><mi>G</mi><mtext>stack</mtext></msub>"]),
    MathFragment(
        "the original input x is modified using a template into a textual string prompt x' that has some unfilled slots",
        plain:
            "the original input x is modified using a template into a textual string prompt x′ that has some unfilled slots",
        mathml: ["<mo>′</mo>"],
        note:
            "Decision: an apostrophe after a single-letter variable is a prime (U+2032). Apostrophes after words (NeurIPS'20) stay."
    ),
    MathFragment(
        "to take in an input x and predict an output y as P(y|x), prompt-based learning",
        plain: "to take in an input x and predict an output y as P(y|x), prompt-based learning",
        note: "Readable ASCII math; no rewrite. `take in` is English."),

    // MARK: - Numbers with pm, times, sim, leq, ge
    MathFragment(
        "This gives 11.0 pm 1.3 points of improvement", plain: "This gives 11.0 ± 1.3 points of improvement",
        mathml: ["<mn>11.0</mn>", "<mo>±</mo>", "<mn>1.3</mn>"]),
    MathFragment(
        "with 11.9times higher throughput than FlashAttention-2",
        plain: "with 11.9× higher throughput than FlashAttention-2", mathml: ["<mn>11.9</mn>", "<mo>×</mo>"],
        note: #"`11.9$\times$`: times glued to a number is ×. Compare the English `16.0 times FLOPs`."#),
    MathFragment(
        "with 19.2times higher throughput for prefill than FA2.",
        plain: "with 19.2× higher throughput for prefill than FA2.", mathml: ["<mn>19.2</mn>", "<mo>×</mo>"]),
    MathFragment(
        "saves training memory up to 3times and improves latency by 1.5-2.7times compared to full FT",
        plain: "saves training memory up to 3× and improves latency by 1.5-2.7× compared to full FT",
        mathml: ["<mn>3</mn>", "<mo>×</mo>"], note: "The hyphenated range 1.5-2.7 is left as typed."),
    MathFragment(
        "compared to OLMo while requiring 2times fewer pre-training tokens",
        plain: "compared to OLMo while requiring 2× fewer pre-training tokens", mathml: ["<mo>×</mo>"]),
    MathFragment(
        "achieves up to 9.1times higher throughput at sequence length 4K",
        plain: "achieves up to 9.1× higher throughput at sequence length 4K", mathml: ["<mn>9.1</mn>", "<mo>×</mo>"]),
    MathFragment(
        "900B token run (i.e., 32times over-trained)", plain: "900B token run (i.e., 32× over-trained)",
        mathml: ["<mn>32</mn>", "<mo>×</mo>"]),
    MathFragment(
        "138B token runx2014each from experiments that take 300times less compute",
        plain: "138B token run—each from experiments that take 300× less compute",
        mathml: ["<mn>300</mn>", "<mo>×</mo>"],
        note: "`x2014` is a mangled escape for U+2014 (em dash) glued between two words."),
    MathFragment(
        "using experiments that take 20times less compute", plain: "using experiments that take 20× less compute",
        mathml: ["<mo>×</mo>"]),
    MathFragment(
        "and being sim10times larger, with consequent savings", plain: "and being ∼10× larger, with consequent savings",
        mathml: ["<mo>∼</mo>", "<mn>10</mn>", "<mo>×</mo>"], note: #"Prefix `\sim` means 'about': no space after it."#),
    MathFragment(
        "the resulting models achieve up to sim99% of the performance of the fully-trained models",
        plain: "the resulting models achieve up to ∼99% of the performance of the fully-trained models",
        mathml: ["<mo>∼</mo>"], note: #"`$\sim$99\%` with the percent already resolved upstream."#),
    MathFragment(
        "our approach often demonstrates a merely sim0.6 point decrease in performance",
        plain: "our approach often demonstrates a merely ∼0.6 point decrease in performance",
        mathml: ["<mo>∼</mo>", "<mn>0.6</mn>"]),
    MathFragment(
        "outperforms SoTA baselines with 100M sim 1B parameters",
        plain: "outperforms SoTA baselines with 100M ∼ 1B parameters", mathml: ["<mo>∼</mo>"],
        note: "Range between two model sizes: a relation with spaces. `SoTA` is English."),
    MathFragment(
        "complex reasoning tasks are difficult for Small Language Models (SLMs, e.g., leq 7B)",
        plain: "complex reasoning tasks are difficult for Small Language Models (SLMs, e.g., ≤ 7B)",
        mathml: ["<mo>≤</mo>"], note: #"`$\leq$ 7B`: the relation stays separated from the size by its space."#),
    MathFragment(
        "can, in fact, be distilled down from GPT-3.5 (ge 175B) to T5 variants (le 11B).",
        plain: "can, in fact, be distilled down from GPT-3.5 (≥ 175B) to T5 variants (≤ 11B).",
        mathml: ["<mo>≥</mo>", "<mo>≤</mo>"], note: #"`\ge`/`\le` spelled short; they stand alone before a model size."#
    ),
    MathFragment(
        #"learning the complex reasoning abilities of Large Language Models (LLMs, e.g., \textgreater 13B)."#,
        plain: "learning the complex reasoning abilities of Large Language Models (LLMs, e.g., > 13B).",
        note: #"`\textgreater` is text mode: a plain >."#),
    MathFragment(
        "Solving a linear system Ax=b is a fundamental scientific computing primitive",
        plain: "Solving a linear system Ax = b is a fundamental scientific computing primitive",
        mathml: ["<mi>A</mi>", "<mo>=</mo>", "<mi>b</mi>"],
        note: "Math whose dollars were dropped; relation spacing applies."),
    MathFragment(
        "for a fixed mixed graph G=(V, D,B) is parameterized by a rational function",
        plain: "for a fixed mixed graph G = (V, D, B) is parameterized by a rational function",
        mathml: ["<mi>G</mi>", "<mo>=</mo>", "<mo>,</mo>"], note: "Comma followed by one space inside the tuple."),
    MathFragment(
        "In experiments on real data with k=100,200, we observed a 458x respectively 1191x speedup",
        plain: "In experiments on real data with k = 100,200, we observed a 458x respectively 1191x speedup",
        mathml: ["<mo>=</mo>", "<mn>100</mn>"],
        note:
            "`458x` and `1191x` are prose speed-ups typed with a letter x and stay. `100,200` could be a list or a thousands separator; the comma stays as typed, outside the formula."
    ),

    // MARK: - Surviving text-mode LaTeX: percent, emphasis, small caps, bold, accents, macros
    MathFragment(
        #"when updating less than 1\% of the original model parameters"#,
        plain: "when updating less than 1% of the original model parameters"),
    MathFragment(
        #"we can tune a RoBERTa model to achieve 90\% of the full parameter performance levels"#,
        plain: "we can tune a RoBERTa model to achieve 90% of the full parameter performance levels"),
    MathFragment(
        #"converges to the same loss with 194B tokens, resulting in a 54.6\% speedup."#,
        plain: "converges to the same loss with 194B tokens, resulting in a 54.6% speedup."),
    MathFragment(
        #"Its estimated values on the test set are merely 0.07\% away from the globally optimal LLM performance"#,
        plain: "Its estimated values on the test set are merely 0.07% away from the globally optimal LLM performance"),
    MathFragment(
        #"finetuning a 50\% compressed LLaMa-2 7B model"#, plain: "finetuning a 50% compressed LLaMa-2 7B model"),
    MathFragment(
        #"with merely 0.05\% deviation before training starts"#,
        plain: "with merely 0.05% deviation before training starts"),
    MathFragment(
        #"averaging 85\% on the Long Range Arena benchmark."#, plain: "averaging 85% on the Long Range Arena benchmark."
    ),
    MathFragment(
        #"our method closes the performance gap by 96.4\% in single-task scenarios and by 86.3\% in multi-task scenarios"#,
        plain:
            "our method closes the performance gap by 96.4% in single-task scenarios and by 86.3% in multi-task scenarios"
    ),
    MathFragment(
        #"HyperAttention makes the inference time of ChatGLM2 50\% faster on 32k context length"#,
        plain: "HyperAttention makes the inference time of ChatGLM2 50% faster on 32k context length"),
    MathFragment(
        #"supervision is high (e.g., 90\%), training on such data"#,
        plain: "supervision is high (e.g., 90%), training on such data"),
    MathFragment(
        #"can lead to a 30\% accuracy gap on MATH benchmark."#,
        plain: "can lead to a 30% accuracy gap on MATH benchmark."),
    MathFragment(
        "This work identifies three critical textit{O}bstacles: (O1) lack of comprehensive evaluation",
        plain: "This work identifies three critical Obstacles: (O1) lack of comprehensive evaluation",
        mathml: ["<em>O</em>bstacles"],
        note: #"`\textit` lost its backslash; the italic O is a pun on O1–O3, which stay text."#),
    MathFragment(
        #"which remains \textit{agnostic to the training hyper-parameters in the fine-tuning stage}."#,
        plain: "which remains agnostic to the training hyper-parameters in the fine-tuning stage.",
        mathml: ["<em>agnostic to the training hyper-parameters in the fine-tuning stage</em>"]),
    MathFragment(
        "training with cross-entropy (CE) loss can be {it misaligned} with pass@N",
        plain: "training with cross-entropy (CE) loss can be misaligned with pass@N", mathml: ["<em>misaligned</em>"],
        note: #"`{\it …}` with its backslash gone: `it` here is a font switch, not the pronoun."#),
    MathFragment(
        "in that pass@N accuracy {it decreases} with longer training.",
        plain: "in that pass@N accuracy decreases with longer training.", mathml: ["<em>decreases</em>"]),
    MathFragment(
        #"Specifically, we propose \textsc{PromptMSP}, a pre-training and Prompt tuning framework"#,
        plain: "Specifically, we propose PromptMSP, a pre-training and Prompt tuning framework",
        mathml: [#"<span class="sc">PromptMSP</span>"#]),
    MathFragment(
        "including fine-tuning of $textbf{specialist} and textbf{generalist}$ models.",
        plain: "including fine-tuning of specialist and generalist models.",
        mathml: ["<strong>specialist</strong>", "<strong>generalist</strong>"],
        note: "The dollars wrap text, not math: bold words, no <math>."),
    MathFragment(
        #"introduced recently by Chang, Conroy, Le, Milenkovi\'c, Solomon, and Than [CCLMST23]"#,
        plain: "introduced recently by Chang, Conroy, Le, Milenković, Solomon, and Than [CCLMST23]",
        note: "Acute accent without braces; NFC ć (U+0107)."),
    MathFragment(
        #"[Gawrychowski and Uzna\'{n}ski, ICALP 2018;"#, plain: "[Gawrychowski and Uznański, ICALP 2018;",
        note: "Braced acute; NFC ń (U+0144)."),
    MathFragment(
        #"Our empirical comparison with Na\"ive Bayes, decision trees"#,
        plain: "Our empirical comparison with Naïve Bayes, decision trees", note: "Umlaut accent; NFC ï (U+00EF)."),
    MathFragment(#"coupled with overparameterized ans\"atze."#, plain: "coupled with overparameterized ansätze."),
    MathFragment(
        #"Additionally, \model models can be found on HuggingFace at:"#,
        plain: "Additionally, model models can be found on HuggingFace at:",
        note:
            #"Unknown macro (the paper's own \model for OpenELM) shows its name. Occurs in two dumps with different URLs after it."#
    ),
    MathFragment(
        "bullet On the positive side, if all entries of the input matrices",
        plain: "• On the positive side, if all entries of the input matrices",
        note: #"`$\bullet$` used as a list marker."#),
    MathFragment(
        "bullet On the negative side, we show that if the entries",
        plain: "• On the negative side, we show that if the entries"),

    // MARK: - URLs: \url{…} and URL{URL} remnants
    MathFragment(
        #"Code and data will be released at \url{https://github.com/wenlinyao/HDFlow.}."#,
        plain: "Code and data will be released at https://github.com/wenlinyao/HDFlow.",
        mathml: [#"<a href="https://github.com/wenlinyao/HDFlow">"#],
        note:
            "The period inside the braces is sentence punctuation, not part of the URL; the sentence keeps one period."),
    MathFragment(
        "Our code and pre-trained model are available at https://llm-stacking.github.io/{https://llm-stacking.github.io/}.",
        plain: "Our code and pre-trained model are available at https://llm-stacking.github.io/.",
        mathml: [#"<a href="https://llm-stacking.github.io/">"#],
        note: #"`\href{URL}{URL}` lost its command: show the URL once."#),
    MathFragment(
        "Our source code is available at: https://github.com/HypherX/Evolution-Analysis{https://github.com/HypherX/Evolution-Analysis}",
        plain: "Our source code is available at: https://github.com/HypherX/Evolution-Analysis",
        mathml: [#"<a href="https://github.com/HypherX/Evolution-Analysis">"#]),

    // MARK: - Quotes, dashes, ties
    MathFragment(
        "one of the first ``deep'' learning methods ever studied",
        plain: "one of the first “deep” learning methods ever studied"),
    MathFragment(
        "only has a polylogarithmic dependence on the planning horizon and therefore is ``horizon-free''.",
        plain: "only has a polylogarithmic dependence on the planning horizon and therefore is “horizon-free”."),
    MathFragment(
        "We prove that, under a mild ''informative'' condition, our algorithm",
        plain: "We prove that, under a mild “informative” condition, our algorithm",
        note: "Two closing quotes used as an opener still open the quotation."),
    MathFragment(
        "such ``Forgetting Prioritized Finetuning (FPF)'' is efficient in computation",
        plain: "such “Forgetting Prioritized Finetuning (FPF)” is efficient in computation"),
    MathFragment(
        "Surprisingly, this ``k-FPF'' performs comparably to FPF",
        plain: "Surprisingly, this “k-FPF” performs comparably to FPF", note: "k-FPF is a method name, not math."),
    MathFragment(
        "quickly pick up task-specific ``skills,'' but there has been limited study",
        plain: "quickly pick up task-specific “skills,” but there has been limited study"),
    MathFragment(
        "(e.g., ``Wait, maybe using Python here is a good idea.'') during the inference process",
        plain: "(e.g., “Wait, maybe using Python here is a good idea.”) during the inference process"),
    MathFragment(
        "will remain valid after potential ``naturally-occurring'' model changes",
        plain: "will remain valid after potential “naturally-occurring” model changes"),
    MathFragment(
        "We also introduce the idea of an `autoregressive autoregressor' to recursively implement Life",
        plain: "We also introduce the idea of an ‘autoregressive autoregressor’ to recursively implement Life",
        note: "Decision: TeX single quotes `…' become ‘…’, by analogy with the double-quote rule."),
    MathFragment(
        "in combination with a `power' shape parameter", plain: "in combination with a ‘power’ shape parameter",
        note: "Same decision as the other `…' pair."),
    MathFragment(
        "a fine-tuning (sometimes, 'alignment') stage that uses targeted examples",
        plain: "a fine-tuning (sometimes, 'alignment') stage that uses targeted examples",
        note: "Straight single quotes are not TeX quotes and stay."),
    MathFragment(
        "Doing More with Less -- Implementing Routing Strategies in Large Language Model-Based Systems: An Extended Survey",
        plain:
            "Doing More with Less – Implementing Routing Strategies in Large Language Model-Based Systems: An Extended Survey",
        note: "Title; ` -- ` is an en dash."),
    MathFragment(
        "AutoTransfer: AutoML with Knowledge Transfer -- An Application to Graph Neural Networks",
        plain: "AutoTransfer: AutoML with Knowledge Transfer – An Application to Graph Neural Networks", note: "Title."),
    MathFragment(
        "Predictable Scale: Part I -- Optimal Hyperparameter Scaling Law in Large Language Model Pretraining",
        plain: "Predictable Scale: Part I – Optimal Hyperparameter Scaling Law in Large Language Model Pretraining",
        note: "Title; the roman numeral I is text."),
    MathFragment(
        "Mixing It Up: The Cocktail Effect of Multi-Task Fine-Tuning on LLM Performance -- A Case Study in Finance",
        plain:
            "Mixing It Up: The Cocktail Effect of Multi-Task Fine-Tuning on LLM Performance – A Case Study in Finance",
        note: "Title; `It` and `in` are English."),
    MathFragment(
        "including prior work on AI--AI and human--AI interactions",
        plain: "including prior work on AI–AI and human–AI interactions",
        note: "`--` without spaces is also an en dash."),
    MathFragment("in a parameter -- and data -- efficient way", plain: "in a parameter – and data – efficient way"),
    MathFragment(
        #"resulting in power-law exponents---the "steepness" of the learning curve---yet to be explained"#,
        plain: #"resulting in power-law exponents—the "steepness" of the learning curve—yet to be explained"#,
        note: "`---` is an em dash; straight quotes stay."),
    MathFragment(
        "arbitrarily dense noise values, and--perhaps surprisingly--even if the globally optimal solutions",
        plain: "arbitrarily dense noise values, and–perhaps surprisingly–even if the globally optimal solutions",
        note: "TeX reads `--` as an en dash even where an em dash was meant."),
    MathFragment(
        "M2 matches GPT-style Transformers at 360M parameters in pretraining perplexity on The PILE--showing for the first time",
        plain:
            "M2 matches GPT-style Transformers at 360M parameters in pretraining perplexity on The PILE–showing for the first time",
        note: "`for the first time` is English."),
    MathFragment(
        "harmful fine-tuning attacks qi2023fine-- a few harmful data mixed in the fine-tuning dataset",
        plain: "harmful fine-tuning attacks qi2023fine– a few harmful data mixed in the fine-tuning dataset",
        note: #"Citation key left by a lost \cite; the dash is still an en dash."#),
    MathFragment(
        "outperforming models trained from scratchx2013even for a large downstream dataset.",
        plain: "outperforming models trained from scratch–even for a large downstream dataset.",
        note: "`x2013` is a mangled escape for U+2013 (en dash)."),
    MathFragment(
        "we aim to extend the PPI knowledge to multimers of different scales~(i.e., chain numbers).",
        plain: "we aim to extend the PPI knowledge to multimers of different scales\u{00A0}(i.e., chain numbers).",
        note: "A tie `~` is a no-break space."),
    MathFragment(
        "the multimer structure prediction~(MSP) can be well handled",
        plain: "the multimer structure prediction\u{00A0}(MSP) can be well handled"),
    MathFragment(
        "Jain, Netrapalli and Sanghavi~jns13 showed that if M has incoherent rows and columns",
        plain: "Jain, Netrapalli and Sanghavi\u{00A0}jns13 showed that if M has incoherent rows and columns",
        note: #"Tie before a citation key whose \cite was lost. M is a variable; no markup required."#),
    MathFragment(
        "While the sample complexity has been subsequently improved~glz17, alternating minimization",
        plain: "While the sample complexity has been subsequently improved\u{00A0}glz17, alternating minimization"),
    MathFragment(
        "which is an improvement over prior work~nichani2023provable requiring a sample size",
        plain: "which is an improvement over prior work\u{00A0}nichani2023provable requiring a sample size"),
    MathFragment(
        "can outperform its full finetuning with ~3x better throughput and ~0.6x GPU requirement.",
        plain: "can outperform its full finetuning with ~3x better throughput and ~0.6x GPU requirement.",
        note:
            "Decision: a `~` after a space and before a number is the plain-text 'about' sign, not a tie; left as typed, as is the letter x."
    ),
    MathFragment(
        "by training on models with only 1M~60M parameters.",
        plain: "by training on models with only 1M~60M parameters.",
        note:
            "Decision: `~` between two sizes is a plain-text range sign, not a tie (a no-break space would read '1M 60M'). Left as typed."
    ),

    // MARK: - English traps: times, to, multiples
    MathFragment(
        "where context gets repeated multiple times in the prompt",
        plain: "where context gets repeated multiple times in the prompt", english: true),
    MathFragment(
        "the latter having nine times more parameters. Our code will be available",
        plain: "the latter having nine times more parameters. Our code will be available", english: true),
    MathFragment(
        "our GPU implementation of the Tsetlin Machine executes 5 to 15 times faster than the CPU implementation",
        plain:
            "our GPU implementation of the Tsetlin Machine executes 5 to 15 times faster than the CPU implementation",
        english: true),
    MathFragment(
        "BinaryDM achieves impressive 16.0 times FLOPs and 27.1 times storage savings",
        plain: "BinaryDM achieves impressive 16.0 times FLOPs and 27.1 times storage savings",
        note: "`times` spaced off a number and followed by an English word stays English.", english: true),
    MathFragment(
        "SVFit outperforms LoRA while requiring 16 times fewer trainable parameters.",
        plain: "SVFit outperforms LoRA while requiring 16 times fewer trainable parameters.", english: true),
    MathFragment(
        "our approach exceeds the performance of standard LoRA while using 27-90 times fewer learnable parameters",
        plain:
            "our approach exceeds the performance of standard LoRA while using 27-90 times fewer learnable parameters",
        english: true),
    MathFragment(
        "the Matrix Nuclear-Norm achieves speeds 8 to 24 times faster than Matrix Entropy",
        plain: "the Matrix Nuclear-Norm achieves speeds 8 to 24 times faster than Matrix Entropy", english: true),
    MathFragment(
        "solving the inverted pendulum problem is 100 times easier than classifying digits from MNIST",
        plain: "solving the inverted pendulum problem is 100 times easier than classifying digits from MNIST",
        english: true),
    MathFragment(
        "FastRP is over 4,000 times faster than state-of-the-art methods such as DeepWalk and node2vec",
        plain: "FastRP is over 4,000 times faster than state-of-the-art methods such as DeepWalk and node2vec",
        english: true),
    MathFragment(
        "our best model outperforms Vision Transformer (ViT) by 1.5% with 0.72 times trainable parameters.",
        plain: "our best model outperforms Vision Transformer (ViT) by 1.5% with 0.72 times trainable parameters.",
        english: true),
    MathFragment(
        "this inevitably leads to prohibitively long training times, extortionate computing costs",
        plain: "this inevitably leads to prohibitively long training times, extortionate computing costs", english: true
    ),
    MathFragment(
        "can still fail to understand human instructions at times.",
        plain: "can still fail to understand human instructions at times.", english: true),
    MathFragment(
        "and replaces them by only k-times of FPF periodically triggered during CL.",
        plain: "and replaces them by only k-times of FPF periodically triggered during CL.", mathml: ["<mi>k</mi>"],
        note: "A mathematician writes the variable of a hyphenated term in math."),
    MathFragment(
        "while reducing the original parameter size by 1/3 to 2/3.",
        plain: "while reducing the original parameter size by 1/3 to 2/3.",
        note: "Explicit slashes are not lost fractions: no ⅓ or ⅔.", english: true),
    MathFragment("as sizes increase from 111M to 6.7B.", plain: "as sizes increase from 111M to 6.7B.", english: true),
    MathFragment(
        "perplexity increases from 5.6 to 6.3.", plain: "perplexity increases from 5.6 to 6.3.", english: true),
    MathFragment(
        "higher sensitivity to temperature in the range of 0.5 to 0.8, unlike their unquantized counterparts.",
        plain: "higher sensitivity to temperature in the range of 0.5 to 0.8, unlike their unquantized counterparts.",
        english: true),
    MathFragment(
        "we observed a 458x respectively 1191x speedup compared to the original PAM SWAP algorithm",
        plain: "we observed a 458x respectively 1191x speedup compared to the original PAM SWAP algorithm",
        english: true),
    MathFragment(
        "our methods have a 4-16x better scaling rate over our deterministic search counterparts",
        plain: "our methods have a 4-16x better scaling rate over our deterministic search counterparts", english: true),
    MathFragment(
        "aligning a strong pretrained model (mixtral-8x7b) using constitutions",
        plain: "aligning a strong pretrained model (mixtral-8x7b) using constitutions", english: true),
    MathFragment(
        "which inserts a learnable (r x r) matrix between B and A while keeping other matrices fixed",
        plain: "which inserts a learnable (r x r) matrix between B and A while keeping other matrices fixed",
        note:
            #"Decision: the author typed a letter x; this is not damaged \times, so it stays. B is a variable; `A` is left alone like every lone A."#
    ),
    MathFragment(
        "Order Matters: Sequence to sequence for sets", plain: "Order Matters: Sequence to sequence for sets",
        note: "Title.", english: true),
    MathFragment(
        "Continual Pre-Training of Large Language Models: How to (re)warm your model?",
        plain: "Continual Pre-Training of Large Language Models: How to (re)warm your model?", note: "Title.",
        english: true),
    MathFragment(
        "From Medprompt to o1: Exploration of Run-Time Strategies for Medical Challenge Problems and Beyond",
        plain: "From Medprompt to o1: Exploration of Run-Time Strategies for Medical Challenge Problems and Beyond",
        note: "Title.", english: true),
    MathFragment(
        "To prune, or not to prune: exploring the efficacy of pruning for model compression",
        plain: "To prune, or not to prune: exploring the efficacy of pruning for model compression", note: "Title.",
        english: true),

    // MARK: - English traps: words that look like commands
    MathFragment(
        "e.g. compute graphs, imperative code, or lambda functions.",
        plain: "e.g. compute graphs, imperative code, or lambda functions.", english: true),
    MathFragment(
        "to match the learned distribution to a given desired probability (specified by an unnormalized (log) probability function such as energy function or reward function)",
        plain:
            "to match the learned distribution to a given desired probability (specified by an unnormalized (log) probability function such as energy function or reward function)",
        english: true),
    MathFragment(
        "it costs less than $12 USD by calling GPT-3.5-turbo for generating 800K instruction tuning samples",
        plain: "it costs less than $12 USD by calling GPT-3.5-turbo for generating 800K instruction tuning samples",
        note: "A lone dollar sign before an amount opens no math; `it` is the pronoun.", english: true),
    MathFragment(
        "the positions of the top-k most significant elements for each query",
        plain: "the positions of the top-k most significant elements for each query", mathml: ["<mi>k</mi>"],
        note: "A mathematician writes the variable of a hyphenated term in math."),
    MathFragment(
        "the performance of fine-tuned smaller language models (such as Phi-2 or StarCoder) compare favorably",
        plain: "the performance of fine-tuned smaller language models (such as Phi-2 or StarCoder) compare favorably",
        english: true),
    MathFragment(
        "such as Phi-3-Mini, to achieve state-of-the-art results",
        plain: "such as Phi-3-Mini, to achieve state-of-the-art results", english: true),
    MathFragment(
        "Then we train PanGu-pi-1B Pro and PanGu-pi-1.5B Pro on 1.6T multilingual corpora",
        plain: "Then we train PanGu-π-1B Pro and PanGu-π-1.5B Pro on 1.6T multilingual corpora",
        note: "Issue 8: a lower-case Greek name inside a hyphenated name is the letter (PanGu-π); the name stays text.",
        english: true),
    MathFragment(
        "we propose MHR-mu, which discards routing and fine-tunes the average of the pre-trained adapters",
        plain: "we propose MHR-μ, which discards routing and fine-tunes the average of the pre-trained adapters",
        note: "Issue 8 decision: MHR-μ, as the paper typesets it; a name, so text, not MathML.", english: true),
    MathFragment(
        "This establishes MHR-mu as an effective method for single-adapter fine-tuning.",
        plain: "This establishes MHR-μ as an effective method for single-adapter fine-tuning.", english: true),
    MathFragment(
        "Enhancing Code Generation for Low-Resource Languages: No Silver Bullet",
        plain: "Enhancing Code Generation for Low-Resource Languages: No Silver Bullet", note: "Title.", english: true),
    MathFragment(
        "We propose a method, LoRA Silver Bullet or LoRA-SB, that approximates full fine-tuning",
        plain: "We propose a method, LoRA Silver Bullet or LoRA-SB, that approximates full fine-tuning", english: true),
    MathFragment(
        "On both datasets, we find that synthesis performance scales log-linearly with model size.",
        plain: "On both datasets, we find that synthesis performance scales log-linearly with model size.",
        english: true),
    MathFragment(
        "such as temperature, max new tokens, and topk, particularly for next word prediction.",
        plain: "such as temperature, max new tokens, and topk, particularly for next word prediction.", english: true),
    MathFragment(
        "The resulting ViT-G model, which attains 90.94% top-1 accuracy on ImageNet",
        plain: "The resulting ViT-G model, which attains 90.94% top-1 accuracy on ImageNet", english: true),
    MathFragment(
        "We use this law to predict top-1 error averaged over downstream tasks",
        plain: "We use this law to predict top-1 error averaged over downstream tasks", english: true),
    MathFragment(
        "and k-FPF further excels in efficiency without degrading the accuracy.",
        plain: "and k-FPF further excels in efficiency without degrading the accuracy.", mathml: ["<mi>k</mi>"],
        note:
            "A mathematician writes the variable of a hyphenated term in math: rank-$r$, top-$r$, $k$-means; the word stays text."
    ),
    MathFragment(
        "SVFit performs SVD on the pre-trained weight matrix to obtain the best rank-r approximation matrix",
        plain: "SVFit performs SVD on the pre-trained weight matrix to obtain the best rank-r approximation matrix",
        mathml: ["<mi>r</mi>"],
        note:
            "A mathematician writes the variable of a hyphenated term in math: rank-$r$, top-$r$, $k$-means; the word stays text."
    ),
    MathFragment(
        "These top-r singular values are then used as trainable parameters",
        plain: "These top-r singular values are then used as trainable parameters", mathml: ["<mi>r</mi>"],
        note:
            "A mathematician writes the variable of a hyphenated term in math: rank-$r$, top-$r$, $k$-means; the word stays text."
    ),
    MathFragment(
        "we identify a sharp transition in the efficiency of all possible rank-r LoRA update algorithms for transformers",
        plain:
            "we identify a sharp transition in the efficiency of all possible rank-r LoRA update algorithms for transformers",
        mathml: ["<mi>r</mi>"],
        note:
            "A mathematician writes the variable of a hyphenated term in math: rank-$r$, top-$r$, $k$-means; the word stays text."
    ),
    MathFragment(
        "We also establish that the top 75 most likely next tokens",
        plain: "We also establish that the top 75 most likely next tokens", english: true),
    MathFragment(
        "This allows us to (i) identify a phase transition behavior and (ii) prove the existence of nearly linear algorithms",
        plain:
            "This allows us to (i) identify a phase transition behavior and (ii) prove the existence of nearly linear algorithms",
        english: true),
    MathFragment(
        "hyperparameters such as temperature and top-p) and reward mechanisms",
        plain: "hyperparameters such as temperature and top-p) and reward mechanisms", mathml: ["<mi>p</mi>"],
        note: "A mathematician writes the variable of a hyphenated term in math."),
    MathFragment(
        "the growth of logits in attention layers (Dehghani et al., 2023) and divergence of the output logits from the log probabilities (Chowdhery et al., 2022).",
        plain:
            "the growth of logits in attention layers (Dehghani et al., 2023) and divergence of the output logits from the log probabilities (Chowdhery et al., 2022).",
        english: true),
    MathFragment(
        "various common survival distributions (log-logistic, Burr type XII, Weibull, Gompertz)",
        plain: "various common survival distributions (log-logistic, Burr type XII, Weibull, Gompertz)", english: true),
    MathFragment(
        "quantifies the total information required to generalize well on a task minus the information provided by the data.",
        plain:
            "quantifies the total information required to generalize well on a task minus the information provided by the data.",
        english: true),
    MathFragment(
        "Our findings establish that it is possible to simulate full fine-tuning in low-rank subspaces",
        plain: "Our findings establish that it is possible to simulate full fine-tuning in low-rank subspaces",
        english: true),
    MathFragment(
        "the unique non-alphabetic token structure of Korean",
        plain: "the unique non-alphabetic token structure of Korean", english: true),
    MathFragment(
        "We iterate among: (a) updating the active deltas, (b) pruning indices",
        plain: "We iterate among: (a) updating the active deltas, (b) pruning indices", english: true),
    MathFragment(
        "the max column norm in the normalized attention matrix",
        plain: "the max column norm in the normalized attention matrix", english: true),
    MathFragment(
        "Roughly speaking, the shortcut partition guarantees that for every two vertices u and v in the graph, there exists a path between u and v",
        plain:
            "Roughly speaking, the shortcut partition guarantees that for every two vertices u and v in the graph, there exists a path between u and v",
        note:
            "`v in the graph`: `in` before an English noun phrase is English, not ∈. No markup is required for the bare u and v."
    ),
    MathFragment(
        "and m, n are the number of unlabeled and labeled data respectively.",
        plain: "and m, n are the number of unlabeled and labeled data respectively.",
        note: "Bare single-letter variables in prose; no markup is required."),
    MathFragment(
        "Maximizing a monotone submodular function under cardinality constraint k is a core problem in machine learning",
        plain:
            "Maximizing a monotone submodular function under cardinality constraint k is a core problem in machine learning"
    ),
    MathFragment(
        "While this approach is still largely conceptual, it is the first architecture that allows for efficient approximate inference",
        plain:
            "While this approach is still largely conceptual, it is the first architecture that allows for efficient approximate inference",
        english: true),
    MathFragment(
        "All in an Aggregated Image for In-Image Learning", plain: "All in an Aggregated Image for In-Image Learning",
        note: "Title.", english: true),
    MathFragment(
        "Does Sparsity Help in Learning Misspecified Linear Bandits?",
        plain: "Does Sparsity Help in Learning Misspecified Linear Bandits?", note: "Title.", english: true),
    MathFragment(
        "HyperAttention: Long-context Attention in Near-Linear Time",
        plain: "HyperAttention: Long-context Attention in Near-Linear Time", note: "Title.", english: true),
    MathFragment(
        "Low Rank Matrix Completion via Robust Alternating Minimization in Nearly Linear Time",
        plain: "Low Rank Matrix Completion via Robust Alternating Minimization in Nearly Linear Time", note: "Title.",
        english: true),
    MathFragment(
        "What can a Single Attention Layer Learn? A Study Through the Random Features Lens",
        plain: "What can a Single Attention Layer Learn? A Study Through the Random Features Lens",
        note: "Title; the article `a` is English.", english: true),
    MathFragment(
        "Unraveling the Mystery of Scaling Laws: Part I", plain: "Unraveling the Mystery of Scaling Laws: Part I",
        note: "Title.", english: true),
    MathFragment(
        "Orca 2: Teaching Small Language Models How to Reason",
        plain: "Orca 2: Teaching Small Language Models How to Reason", note: "Title.", english: true),

    // MARK: - English traps: abbreviations, model sizes, percentages, names
    MathFragment(
        "finding appropriate inductive biases (e.g. convolutional neural networks, momentum-based optimizers, transformers)",
        plain:
            "finding appropriate inductive biases (e.g. convolutional neural networks, momentum-based optimizers, transformers)",
        english: true),
    MathFragment(
        "in a more challenging code generation scenario, i.e. class-level code generation.",
        plain: "in a more challenging code generation scenario, i.e. class-level code generation.", english: true),
    MathFragment(
        "organize existing work along several dimensions, e.g.the choice of pre-trained models, prompts, and tuning strategies.",
        plain:
            "organize existing work along several dimensions, e.g.the choice of pre-trained models, prompts, and tuning strategies.",
        note: "The missing space after e.g. is the author's; no math.", english: true),
    MathFragment(
        "In this work, we scale sparse fine-tuning to state-of-the-art LLMs like LLaMA 2 7B and 13B.",
        plain: "In this work, we scale sparse fine-tuning to state-of-the-art LLMs like LLaMA 2 7B and 13B.",
        english: true),
    MathFragment(
        "By transferring expertise from the 7B model to the 13B model",
        plain: "By transferring expertise from the 7B model to the 13B model", english: true),
    MathFragment(
        "We evaluate several popular LLM-based reasoning frameworks using both open and closed LLMs as baselines on DiscoveryBench and find that even the best system scores only 25%.",
        plain:
            "We evaluate several popular LLM-based reasoning frameworks using both open and closed LLMs as baselines on DiscoveryBench and find that even the best system scores only 25%.",
        english: true),
    MathFragment(
        "with an approximately 30% reduction in training time.",
        plain: "with an approximately 30% reduction in training time.", english: true),
    MathFragment(
        "such as MobileLLM, SmolLM, Qwen2.5-0.5B, OLMo-1B, Llama3.2-1B in common sense benchmarks.",
        plain: "such as MobileLLM, SmolLM, Qwen2.5-0.5B, OLMo-1B, Llama3.2-1B in common sense benchmarks.",
        english: true),
    MathFragment(
        "including Falcon-7b, Llama-7b, and Falcon-40b.", plain: "including Falcon-7b, Llama-7b, and Falcon-40b.",
        english: true),
    MathFragment(
        "Cohen-Karlik et al. [2020] proved there are set-aggregation problems",
        plain: "Cohen-Karlik et al. [2020] proved there are set-aggregation problems", english: true),
    MathFragment(
        "motivating scaling the computation spent at inference time. Existing inference-time scaling methods",
        plain: "motivating scaling the computation spent at inference time. Existing inference-time scaling methods",
        english: true),
    MathFragment(
        #"compute-optimal training regime (i.e., "Chinchilla optimal" regime); however, in practice, models are often over-trained"#,
        plain:
            #"compute-optimal training regime (i.e., "Chinchilla optimal" regime); however, in practice, models are often over-trained"#,
        english: true),
    MathFragment(
        "outperforming both the best score achieved without search (pass@1 = 41.4%) and using standard repeated sampling (pass@200 = 60.6%).",
        plain:
            "outperforming both the best score achieved without search (pass@1 = 41.4%) and using standard repeated sampling (pass@200 = 60.6%).",
        note: "Metric readouts in prose, not equations to typeset.", english: true),
    MathFragment(
        "In Euclidean geometry the mean-as used in k-means-is a good estimator for the cluster center",
        plain: "In Euclidean geometry the mean-as used in k-means-is a good estimator for the cluster center",
        mathml: ["<mi>k</mi>"],
        note:
            "A mathematician writes the variable of a hyphenated term in math: rank-$r$, top-$r$, $k$-means; the word stays text."
    ),

    // MARK: - Issue 8: invented cases for each category of damaged math
    // 1. Operator words before numbers
    MathFragment(
        "the tuned model reaches 71.2 (pm1.3) accuracy on the held-out split",
        plain: "the tuned model reaches 71.2 (±1.3) accuracy on the held-out split", mathml: ["<mo>±</mo><mn>1.3</mn>"],
        note: "`pm` before a number is ±: no English puts it there."),
    MathFragment(
        "latency drops by approx 40% while recall stays at sim 90% for thresholds ge 0.5",
        plain: "latency drops by ≈ 40% while recall stays at ∼ 90% for thresholds ≥ 0.5",
        mathml: ["<mo>≈</mo><mn>40</mn>", "<mo>∼</mo><mn>90</mn>", "<mo>≥</mo><mn>0.5</mn>"]),
    // 2. Commands fused with a neighbouring word or unit
    MathFragment(
        "we translate along the FrenchrightarrowSpanish direction and the GermanleftrightarrowDutch pair",
        plain: "we translate along the French→Spanish direction and the German↔Dutch pair",
        note: "An arrow fused between two names: the names stay text, the symbol is restored.", english: true),
    MathFragment(
        "each step runs in 250mus on a single core", plain: "each step runs in 250μs on a single core",
        note: "`mus` is μs, a micro unit.", english: true),
    MathFragment(
        "the SpatialtimesTemporal attention block and the CoarseotimesFine head",
        plain: "the Spatial×Temporal attention block and the Coarse⊗Fine head",
        note: "`otimes` wins over the `times` inside it.", english: true),
    // 3. times as a multiplier
    MathFragment(
        "images are inspected at times 3 magnification and upscaled (times4) before scoring",
        plain: "images are inspected at ×3 magnification and upscaled (×4) before scoring",
        mathml: ["<mo>×</mo><mn>3</mn>", "<mo>×</mo><mn>4</mn>"], note: "`times` before a number is ×."),
    MathFragment(
        "the grid is 64 times 64 and the sparse variant needs 12 times fewer parameters",
        plain: "the grid is 64 × 64 and the sparse variant needs 12× fewer parameters",
        mathml: ["<mn>64</mn><mo>×</mo><mn>64</mn>", "<mn>12</mn><mo>×</mo>"],
        note: "Evidence: this text uses `times` as × (64 × 64), so `12 times fewer` is 12×."),
    MathFragment(
        "a 12 times speedup over the dense baseline", plain: "a 12 times speedup over the dense baseline",
        note: "Ambiguous English without evidence elsewhere in the text: kept as written.", english: true),
    MathFragment(
        "resolutions (128 times 128 to 512 times 512) are tested",
        plain: "resolutions (128 × 128 to 512 × 512) are tested", mathml: ["<mn>128</mn><mo>×</mo><mn>128</mn>"],
        note: "`to` between quantities is English, not →."),
    // 4. Greek letters in hyphenated names
    MathFragment(
        "we call it kappa-Router, a rho-Mixer variant of the nu-Gate design",
        plain: "we call it κ-Router, a ρ-Mixer variant of the ν-Gate design",
        note: "Names stay text with the letter restored.", english: true),
    MathFragment(
        "the slack 1-alpha of the test and the prior from ImageGen-beta",
        plain: "the slack 1-α of the test and the prior from ImageGen-β", english: true),
    // 5. Font commands cover the whole argument
    MathFragment(
        "features mathbf{Q^2} and the group mathsf{SE(2)} with weights boldsymbol{w_t}",
        plain: "features 𝐐^𝟐 and the group 𝖲𝖤(𝟤) with weights 𝒘_𝒕",
        mathml: [
            "<msup><mi>𝐐</mi><mn>𝟐</mn></msup>", "<mi>𝖲</mi><mi>𝖤</mi><mo>(</mo><mn>𝟤</mn>",
            "<msub><mi>𝒘</mi><mi>𝒕</mi></msub>",
        ]),
    MathFragment(
        "the mathbf{Norm} of the residual and {bf X} with bm v", plain: "the 𝐍𝐨𝐫𝐦 of the residual and 𝐗 with 𝒗",
        mathml: ["<mi>𝐍𝐨𝐫𝐦</mi>", "<mi>𝐗</mi>", "<mi>𝒗</mi>"],
        note: "Unicode bold letters, not CSS-bold text; unbraced `bm v`."),
    // 6. to as an arrow inside a formula
    MathFragment(
        "a score g: X times Y to [0,1] computed from O(n^2) to O(n)",
        plain: "a score g : X × Y → [0, 1] computed from O(n²) to O(n)", mathml: ["<mi>Y</mi><mo>→</mo><mo>[</mo>"],
        note: "A map into an interval is →; `from … to …` stays English."),
    // 7. Spacing remnants
    MathFragment(
        "a 12,% higher hit rate and a 3,mathrm{ms} delay for x!in!{4,8}",
        plain: "a 12% higher hit rate and a 3ms delay for x ∈ {4, 8}",
        mathml: ["<mn>3</mn><mrow><mi mathvariant=\"normal\">m</mi>", "<mi>x</mi><mo>∈</mo><mrow><mo>{</mo>"],
        note: "`\\,` and `\\!` lost their backslashes: spaces, not a comma or a factorial."),
    // 8. Unknown commands
    MathFragment(
        "the underline{M}ixed underline{S}parse scheme and A sqsubseteq B", plain: "the M̲ixed S̲parse scheme and A ⊑ B",
        mathml: ["<munder accentunder=\"true\"><mtext>M</mtext><mo>_</mo></munder>", "<mo>⊑</mo>"]),
    MathFragment("the Product circledR suite", plain: "the Product ® suite", mathml: ["<mi>®</mi>"]),
    // 9. Text commands in math
    MathFragment(
        "it takes 3 mutext{s} per call and texttt{QUERY}_texttt{KEY} tokens",
        plain: "it takes 3 μs per call and QUERY_(KEY) tokens",
        mathml: ["<mi>μ</mi><mtext>s</mtext>", "<msub><mtext>QUERY</mtext><mtext>KEY</mtext></msub>"]),
    MathFragment(
        "the loss Theta_post - Theta_base over the epochs", plain: "the loss Θₚₒₛₜ − Θ_(base) over the epochs",
        mathml: ["<msub><mi mathvariant=\"normal\">Θ</mi><mtext>post</mtext></msub>"],
        note: "A lost `\\text{post}`: the whole word is the subscript."),
    // 10. Command names inside words
    MathFragment(
        "the cost U_{link} plus the fee C_{toll} on the road", plain: "the cost Uₗᵢₙₖ plus the fee Cₜₒₗₗ on the road",
        mathml: ["<msub><mi>U</mi><mtext>link</mtext></msub>", "<msub><mi>C</mi><mtext>toll</mtext></msub>"],
        note: "Not U_(l∈k), C_(→≪)."),
    // 11. Scripts without a base, fraction remnants
    MathFragment(
        "as reported earlier,^{3-5} the effect holds and the ratio rho_E{rho_{pi}} stays fixed",
        plain: "as reported earlier,³⁻⁵ the effect holds and the ratio ρ_E/ρ_π stays fixed",
        mathml: [
            "<msup><mrow></mrow><mrow><mn>3</mn>",
            "<mfrac><msub><mi>ρ</mi><mi>E</mi></msub><msub><mi>ρ</mi><mi>π</mi></msub></mfrac>",
        ]),
    // 12. Plain R is not always ℝ
    MathFragment(
        "the fit gives R^{2}=0.91 while R^d is the ambient space and R^star is the optimum",
        plain: "the fit gives R² = 0.91 while ℝᵈ is the ambient space and R* is the optimum",
        mathml: [
            "<msup><mi>R</mi><mn>2</mn></msup>", "<msup><mi>ℝ</mi><mi>d</mi></msup>",
            "<msup><mi>R</mi><mo>⋆</mo></msup>",
        ]),
    // Rendering: space before log, scripts on bracketed groups
    MathFragment(
        "the bound O(nlog n) and the rate (log m log log m)^{1/4}",
        plain: "the bound O(n log n) and the rate (log m log log m)^(1/4)",
        mathml: ["<mi>n</mi><mspace width=\"0.1667em\"></mspace><mi>log</mi>", "<msup><mrow><mo>(</mo><mi>log</mi>"]),
    // Precision: English stays English
    MathFragment(
        "we split the corpus into all 260 tasks before training",
        plain: "we split the corpus into all 260 tasks before training", note: "Not a ≪ 260.", english: true),
    MathFragment(
        "T5 models (60M, 750M) are fine-tuned on both tasks",
        plain: "T5 models (60M, 750M) are fine-tuned on both tasks", note: "Not T5 ⊨ (60M, 750M).", english: true),
    MathFragment(
        "we compare DeltaTune and nuPlanner on the driving split",
        plain: "we compare DeltaTune and nuPlanner on the driving split", note: "Greek-prefixed names stay names.",
        english: true),
    MathFragment(
        "inference runs on a Raspberry Pi at the edge", plain: "inference runs on a Raspberry Pi at the edge",
        english: true),
    MathFragment(
        "we cast a wide net over candidate prompts", plain: "we cast a wide net over candidate prompts",
        note: "Not c∗a.", english: true),
    MathFragment(
        "delta compression shrinks the fine-tuned weights", plain: "delta compression shrinks the fine-tuned weights",
        note: "The English noun delta.", english: true),
    MathFragment(
        "we tune via a Delta scheme and report Cohen's kappa for agreement",
        plain: "we tune via a Δ scheme and report Cohen's κ for agreement",
        mathml: ["<mi mathvariant=\"normal\">Δ</mi>", "<mi>κ</mi>"],
        note: "The article `a` and the possessive `'s` stay out of the formulas."),
    MathFragment(
        "the hidden size (N up to 1024) is swept", plain: "the hidden size (N up to 1024) is swept",
        mathml: ["<mi>N</mi>"], note: "Not Nup → 1024: two-letter English words make the bracket a phrase."),
    MathFragment(
        "the LegalGamma model and the rhoSIM score", plain: "the LegalΓ model and the ρSIM score",
        note: "Names with a damaged Greek letter stay text: LegalΓ, ρSIM.", english: true),

    // Real fragments from the development set, a few per rule.
    MathFragment(
        "Using TraitBasis, we extend tau-Bench to tau-Trait, where user behaviors are altered",
        plain: "Using TraitBasis, we extend τ-Bench to τ-Trait, where user behaviors are altered",
        note: "`$\\tau$-Bench`: a Greek letter in a hyphenated name.", english: true),
    MathFragment(
        "We instantiate SIM as  rhoSIM  by incorporating patch-level feature sampling",
        plain: "We instantiate SIM as  ρSIM  by incorporating patch-level feature sampling",
        note: "hf damage of `$\\rho\\text{SIM}$`: a Greek name before capitals.", english: true),
    MathFragment(
        "achieving textbf{63}times and textbf{23}times faster training than SiT-XL/2",
        plain: "achieving 63× and 23× faster training than SiT-XL/2", mathml: ["<mo>×</mo>"],
        note: "`$\\textbf{63}\\times$`: a text command with an operator fused after it is math."),
    MathFragment(
        "LLMtimesMapReduce-V2: Entropy-Driven Convolutional Test-Time Scaling",
        plain: "LLM×MapReduce-V2: Entropy-Driven Convolutional Test-Time Scaling", english: true),
]
