using Nabla.NN;
using Nabla.Optim;
using Nabla.Samples.Digits;

namespace Nabla.Examples;

/// <summary>samples/Digits on a short run: the data, the model's size, learning, frozen fine-tuning and a reload.</summary>
public class DigitsSampleTests
{
    static readonly (DigitsData Train, DigitsData Test) Split = DigitsData.Load(DigitsData.DefaultPath).Split(0.8, seed: 3);

    [Fact]
    public void The_data_is_the_uci_test_set_split_80_20()
    {
        Assert.Equal(1438, Split.Train.Count);
        Assert.Equal(359, Split.Test.Count);
        Assert.All(Split.Train.Pixels, p => Assert.InRange(p, 0f, 1f));
        Assert.Equal(Enumerable.Range(0, 10).Select(i => (long)i), Split.Train.Labels.Distinct().Order());
    }

    [Fact]
    public void Three_epochs_reach_well_above_chance_and_a_frozen_fine_tune_leaves_the_convolutions_alone()
    {
        var model = Training.Cnn(seed: 3);
        Assert.Equal(6090, model.Parameters().Sum(p => p.Numel));
        var random = new Shuffle(1);
        var optimizer = new Adam(model.Parameters(), lr: 1e-3);
        var losses = Enumerable.Range(0, 3).Select(_ => Training.Epoch(model, optimizer, Split.Train, 32, random)).ToList();

        // Chance is 0.1; PyTorch's run of the same model reaches 0.98 after 20 epochs.
        var accuracy = Training.Accuracy(model, Split.Test);
        Assert.True(accuracy > 0.7, $"test accuracy {accuracy} after 3 epochs");
        Assert.True(losses[2] < losses[0] && losses[0] < Math.Log(10), $"losses {string.Join(", ", losses)}");

        var features = model.Take(7).ToArray();
        foreach (var layer in features) layer.SetRequiresGrad(false);
        var tuned = new Sequential([.. features, new NN.Linear(128, 10, seed: 5)]);
        Assert.Equal(1290, tuned.Parameters().Where(p => p.RequiresGrad).Sum(p => p.Numel));
        var frozen = features.SelectMany(l => l.Parameters()).Select(p => p.ToArray()).ToList();
        Training.Epoch(tuned, new Adam(tuned.Parameters().Where(p => p.RequiresGrad), lr: 1e-2), Split.Train, 32, random);
        Assert.Equal(frozen, features.SelectMany(l => l.Parameters()).Select(p => p.ToArray()));
        Assert.True(Training.Accuracy(tuned, Split.Test) > 0.7);
    }

    [Fact]
    public void Evaluation_records_no_graph()
    {
        var model = Training.Cnn(seed: 1);
        using (Autograd.NoGrad())
        {
            var logits = model.Forward(Split.Test.Images());
            Assert.False(logits.RequiresGrad);
            Assert.Null(logits.GradFn);
        }
        Assert.Equal("AddmmBackward0", model.Forward(Split.Test.Images()).GradFn?.Name);
    }
}
