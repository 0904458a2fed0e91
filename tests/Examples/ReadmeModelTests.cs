namespace Nabla.Examples;

using Nabla.NN;
using Nabla.Optim;

public partial class ReadmeTests
{
    [Fact]
    public void Models_freezing_counting_training_evaluating()
    {
        // README.md: "## Models: freezing, counting, training, evaluating", the same statements in the same order.
        var model = new Sequential(new NN.Linear(4, 8, seed: 1), new ReLU(), new NN.Linear(8, 2, seed: 2));

        model[0].SetRequiresGrad(false);
        Assert.Equal(58, model.Parameters().Sum(p => p.Numel));
        Assert.Equal(18, model.Parameters().Where(p => p.RequiresGrad).Sum(p => p.Numel));

        var x = Tensor.Randn([8, 4], seed: 0);
        var labels = Tensor.From([0L, 1, 1, 0, 1, 0, 0, 1]);
        var optimizer = new SGD(model.Parameters().Where(p => p.RequiresGrad), lr: 0.1, momentum: 0.9);
        var printed = new List<string>();
        for (var step = 0; step < 200; step++)
        {
            var loss = Functional.CrossEntropy(model.Forward(x), labels);
            if (step % 199 == 0) printed.Add(loss.ToString());
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
        }
        Assert.Equal(["tensor(0.7207, grad_fn=<NllLossBackward0>)", "tensor(0.0156, grad_fn=<NllLossBackward0>)"], printed);
        Assert.True(model[0].Parameters().All(p => p.Grad is null));

        model.Eval();
        using (Autograd.NoGrad())
        {
            var logits = model.Forward(x);
            Assert.False(logits.RequiresGrad);
            Assert.Equal("tensor([0, 1, 1, 0, 1, 0, 0, 1])", logits.ArgMax(1).ToString());
        }
        var path = Path.Combine(Path.GetTempPath(), $"nabla-readme-{Guid.NewGuid():N}.state");
        try
        {
            model.Save(path);
            var copy = new Sequential(new NN.Linear(4, 8), new ReLU(), new NN.Linear(8, 2));
            copy.Load(path);
            Assert.Equal(model.Forward(x).ToArray(), copy.Forward(x).ToArray());
        }
        finally { File.Delete(path); }
    }
}
