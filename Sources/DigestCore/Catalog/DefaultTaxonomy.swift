/// The built-in taxonomy, used when a content folder has no `topics.yml`.
///
/// The demo's `Content/topics.yml` is a copy of this text for users to edit; a test keeps
/// the two identical.
enum DefaultTaxonomy {
    static let yaml = #"""
        # Topics of the site. A paper joins a topic when one of its phrases appears in the
        # title, or when the topic's phrases are mentioned at least `min_mentions` times
        # (default 2) in the abstract. Phrases match case-insensitively on whole words;
        # a trailing * matches the start of a word ("adapter*" matches "adapters");
        # hyphens and spaces are interchangeable ("fine-tuning" matches "fine tuning").
        # A paper mentioning an `exclude` phrase never joins that topic.
        # Papers matching no topic are listed under `other`.

        topics:
          - name: Fine-tuning & PEFT
            slug: fine-tuning
            description: |
              Adapting pretrained models to new tasks: full fine-tuning, and the
              *parameter-efficient* family — LoRA and its variants, adapters, prompt and
              prefix tuning, sparse and partial updates.
            phrases: [fine-tuning, finetuning, fine-tune*, finetune*, fine tuned, LoRA, QLoRA, low-rank adaptation,
              adapter*, parameter-efficient, parameter efficient, PEFT, prompt tuning, prefix tuning,
              side-tuning, delta tuning, tuning]
            min_mentions: 3

          - name: Instruction tuning & alignment
            slug: alignment
            description: |
              Teaching models to follow instructions and human preferences: instruction data,
              RLHF and preference optimisation, reward models, safety.
            phrases: [instruction tuning, instruction-tuned, instruction following, instruction data,
              instruction*, alignment, aligned, RLHF, reward model*, reward hacking, preference*, DPO,
              harmful, safety, misalign*]
            min_mentions: 3

          - name: Reasoning & test-time compute
            slug: reasoning
            description: |
              Multi-step reasoning in language models: chain-of-thought prompting and
              training, mathematical problem solving, and spending more computation at
              inference time — sampling, search, verification and self-improvement.
            phrases: [reasoning, reason, chain-of-thought, chain of thought, CoT, math problem*,
              mathematical reasoning, problem-solving, o1, slow-thinking, self-improve*, thoughts,
              test-time, inference-time, run-time strategies, best-of-n, self-consistency,
              monte carlo tree search, MCTS, tree search, verifier*]
            min_mentions: 2

          - name: Scaling laws
            slug: scaling-laws
            description: |
              How loss and capabilities change with model size, data and compute:
              empirical scaling laws, compute-optimal training, emergent abilities.
            phrases: [scaling law*, scaling behavior*, scaling behaviour*, compute-optimal, power law*,
              emergent abilit*, predictable scaling, scale reliably, scaling is predictable,
              performance scaling, transformer scaling, compute budget*, model size*]
            min_mentions: 2

          - name: Efficient attention & long context
            slug: efficient-attention
            description: |
              Making sequence models cheaper and longer-reaching: sub-quadratic and sparse
              attention, state space models, recurrence, long-context extension and KV caches.
            phrases: [attention, long-context, long context, context window*, context length*,
              sub-quadratic, subquadratic, linear attention, sparse attention, state space model*,
              SSM*, Mamba, recurrent, KV cache, quadratic complexity, long sequence*, long-range]
            min_mentions: 3

          - name: Learning theory & algorithms
            slug: theory
            description: |
              Provable results: sample complexity, generalisation bounds, expressivity,
              optimisation guarantees, computational hardness and fast algorithms.
            phrases: [theorem*, theoretical*, theory, provabl*, prove, lower bound*, upper bound*,
              sample complexity, generalization bound*, regret, minimax, complexity theory, hardness,
              polynomial time, polynomial-time, convergence rate*, expressive power, expressivity,
              NP-hard, SETH, asymptotic*, running time, near-linear, nearly linear, update time,
              polylogarithmic, approximation algorithm*, submodular]
            min_mentions: 2

          - name: Optimisation & training dynamics
            slug: optimization
            description: |
              How networks train: optimisers, learning-rate schedules, initialisation,
              hyperparameters, loss landscapes and training stability.
            phrases: [optimizer*, optimiser*, gradient descent, SGD, Adam, learning rate*,
              initialization, initialisation, hyperparameter*, loss landscape*, batch size*,
              training dynamics, training instabilit*, convergence, momentum, step size*, monotone inclusion*]
            min_mentions: 2

          - name: Diffusion & generative models
            slug: generative-models
            description: |
              Models that generate images, video and other data: diffusion and score-based
              models, flows, VAEs, GANs, autoregressive image generation.
            phrases: [diffusion, score-based, generative model*, generative adversarial, GAN*, VAE*,
              variational autoencoder*, text-to-image, image generation, video generation,
              normalizing flow*, flow matching, denoising, Boltzmann machine*]
            min_mentions: 2

          - name: Compression & distillation
            slug: compression
            description: |
              Smaller and faster networks: pruning, sparse training, quantization,
              low-rank factorisation, knowledge distillation and small language models.
            phrases: [pruning, prune*, pruned, sparsity, sparse, quantization, quantized, quantisation,
              binarization, low-bit, compression, compress*, lottery ticket*, model compression,
              sparsification, distillation, distill*, small language model*, smaller language model*,
              tiny language model*, tiny LLM, small models, smaller models, weak-to-strong,
              student model*, teacher model*]
            min_mentions: 3

          - name: Data selection & curation
            slug: data
            description: |
              What to train on: data selection, filtering and quality, synthetic data,
              data mixtures and curricula for pretraining and fine-tuning.
            phrases: [data selection, data quality, data curation, synthetic data, data mixture*,
              training data, pretraining data, pre-training data, data subset*, coreset*, data filtering,
              data-driven priors, data composition, data efficiency, data-efficient, dataset*]
            min_mentions: 3

          - name: Code generation
            slug: code
            description: |
              Language models that read and write programs: code generation and completion,
              program synthesis and repair, software-engineering tasks.
            phrases: [code generation, code, program synthesis, programming, programs, software engineering,
              code completion, program repair, code LLM*, coding, source code]
            min_mentions: 3

          - name: Mixture of experts & model merging
            slug: experts-and-merging
            description: |
              Composing models and their parts: mixture-of-experts architectures and
              routing, model merging, task arithmetic and weight averaging.
            phrases: [mixture of experts, mixture-of-experts, MoE, experts, routing, router*,
              model merging, merging, task vector*, task arithmetic, model soups, weight averaging,
              averaging weights, weight sharing, parameter sharing]
            min_mentions: 2

          - name: Prompting & in-context learning
            slug: in-context-learning
            description: |
              Steering models without changing their weights: prompting, in-context learning
              from demonstrations, prompt optimisation.
            phrases: [in-context learning, in-context, prompting, prompt engineering, prompt design,
              prompt optimization, few-shot, demonstrations, exemplars, prompts, prompt]
            exclude: [prompt tuning]
            min_mentions: 3

          - name: Continual & transfer learning
            slug: continual-learning
            description: |
              Learning across tasks, languages and time: continual learning and forgetting,
              multi-task and transfer learning, domain adaptation, continued pretraining,
              adapting models to new languages.
            phrases: [continual learning, continual pre-training, continual pretraining, continued pretraining,
              catastrophic forgetting, forgetting, transfer learning, multi-task, multitask,
              domain adaptation, cross-lingual, multilingual, low-resource language*, foreign language*,
              meta-learning, meta learning, lifelong]
            min_mentions: 2

          - name: Graphs & structured data
            slug: graphs
            description: |
              Learning on graphs and relational structure: graph neural networks,
              expressivity tests, graph mining and network embeddings.
            phrases: [graph*, GNN*, Weisfeiler, message passing, message-passing, hypergraph*, network embedding*,
              knowledge graph*, node classification, link prediction]
            min_mentions: 3

          - name: Vision & multimodal
            slug: vision
            description: |
              Images, video and language together: vision transformers, vision-language
              models, multimodal instruction data, 3D and remote sensing.
            phrases: [vision, visual, image*, video*, vision-language, multimodal, multi-modal, VLM*,
              3D, object detection, remote sensing, pixel*, CLIP]
            min_mentions: 3

          - name: Agents & tool use
            slug: agents
            description: |
              Language models that act: agents, tool use, planning and interactive
              decision-making, reinforcement learning and exploration.
            phrases: [agent*, agentic, tool use, tool-use, tools, planning, decision-making, workflow*,
              reinforcement learning, exploration, bandit*, MDP*, POMDP*]
            min_mentions: 2

          - name: Retrieval & embeddings
            slug: retrieval
            description: |
              Finding and representing: dense retrieval, ranking, text and sentence
              embeddings, retrieval-augmented generation, recommendation.
            phrases: [retrieval, retriever*, ranking, rerank*, embedding*, RAG, search engine*,
              information retrieval, representation learning, recommendation, recommender*, hashing]
            min_mentions: 2

          - name: Interpretability & analysis
            slug: interpretability
            description: |
              Understanding what models learn and why they work: mechanistic
              interpretability, probing, explanations, generalisation and
              empirical analyses of trained networks.
            phrases: [interpretab*, explainab*, explanation*, mechanistic*, probing, probe*, feature learning,
              intrinsic dimension*, generalization, understanding, analysis of, counterfactual*, concept*,
              memorization, spurious]
            min_mentions: 3

          - name: Systems & science applications
            slug: systems-and-applications
            description: |
              Where models meet the world: distributed training and serving systems,
              hardware efficiency, and machine learning for science, medicine and
              other domains.
            phrases: [distributed training, GPU*, TPU*, throughput, latency, serving, serverless, inference efficiency,
              hardware, weather, climate, physics-informed, PINN*, drug*, protein*, biochemical,
              medical, clinical, survival analysis, finance, financial, legal, quantum, cellular automata,
              conformal, scientific discovery, autonomous driving]
            min_mentions: 2

        other:
          name: Other
          slug: other
          description: Papers that match none of the topics above.
        """#
}
