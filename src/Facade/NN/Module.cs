using System.Text;

namespace Nabla.NN;

/// <summary>
/// A layer or a model, as torch.nn.Module: parameters (leaf tensors that require grad) and child modules
/// registered by name, a training flag, and <see cref="Forward"/>. Names follow PyTorch: "weight", "0.bias", ...
/// </summary>
public abstract class Module
{
    readonly List<(string Name, Tensor Parameter)> parameters = [];
    readonly List<(string Name, Module Module)> children = [];

    /// <summary>The module's computation; call it as PyTorch calls <c>model(x)</c>.</summary>
    public abstract Tensor Forward(Tensor input);

    /// <summary>True in training mode (the default), false after <see cref="Eval"/>; Dropout reads it.</summary>
    public bool Training { get; private set; } = true;

    /// <summary>Registers <paramref name="value"/> as a parameter named <paramref name="name"/>: a leaf that requires grad (also under NoGrad).</summary>
    protected Tensor RegisterParameter(string name, Tensor value)
    {
        CheckName(name);
        if (!value.IsLeaf) throw new ArgumentException($"cannot assign a non-leaf tensor as parameter '{name}'; use Detach() first");
        parameters.Add((name, value.SetRequiresGrad(true)));
        return value;
    }

    /// <summary>Registers <paramref name="module"/> as a child named <paramref name="name"/>.</summary>
    protected T RegisterModule<T>(string name, T module) where T : Module
    {
        CheckName(name);
        children.Add((name, module ?? throw new ArgumentNullException(nameof(module))));
        return module;
    }

    void CheckName(string name)
    {
        if (string.IsNullOrEmpty(name) || name.Contains('.'))
            throw new ArgumentException($"module name can't contain \".\" or be empty, got \"{name}\"", nameof(name));
        if (parameters.Any(p => p.Name == name) || children.Any(c => c.Name == name))
            throw new ArgumentException($"attribute '{name}' already exists", nameof(name));
    }

    /// <summary>This module's parameters, then (with <paramref name="recurse"/>) its children's, in registration order.</summary>
    public IEnumerable<Tensor> Parameters(bool recurse = true) => NamedParameters(recurse).Select(p => p.Parameter);

    /// <summary>Parameters with PyTorch's dotted names ("0.weight", "features.2.bias"); a tensor shared by two modules appears once.</summary>
    public IEnumerable<(string Name, Tensor Parameter)> NamedParameters(bool recurse = true)
    {
        var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        foreach (var (name, p) in recurse ? AllParameters("") : parameters)
            if (seen.Add(p)) yield return (name, p);
    }

    IEnumerable<(string Name, Tensor Parameter)> AllParameters(string prefix)
    {
        foreach (var (name, p) in parameters) yield return (prefix + name, p);
        foreach (var (name, child) in children)
            foreach (var entry in child.AllParameters(prefix + name + ".")) yield return entry;
    }

    /// <summary>The direct children, with their names.</summary>
    public IEnumerable<(string Name, Module Module)> NamedChildren() => children;

    /// <summary>The direct children.</summary>
    public IEnumerable<Module> Children() => children.Select(c => c.Module);

    /// <summary>Sets <see cref="Tensor.RequiresGrad"/> on every parameter below: false freezes, true unfreezes. Returns this.</summary>
    public Module SetRequiresGrad(bool requiresGrad = true)
    {
        foreach (var p in Parameters()) p.RequiresGrad = requiresGrad;
        return this;
    }

    /// <summary>Clears every parameter's gradient: to null (the default, as PyTorch 2), or to zeros.</summary>
    public void ZeroGrad(bool setToNone = true)
    {
        foreach (var p in Parameters()) p.ClearGrad(setToNone);
    }

    /// <summary>Sets training mode on this module and every module below it. Returns this.</summary>
    public Module Train(bool mode = true)
    {
        Training = mode;
        foreach (var child in Children()) child.Train(mode);
        return this;
    }

    /// <summary>Evaluation mode: <c>Train(false)</c>.</summary>
    public Module Eval() => Train(false);

    /// <summary>
    /// Writes every parameter, by name, to <paramref name="path"/> (see <see cref="StateFile"/>), replacing any file there
    /// atomically: a crash or failure mid-save leaves the old file whole.
    /// </summary>
    public void Save(string path) => StateFile.Write(path, NamedParameters());

    /// <summary>
    /// Loads parameters saved by <see cref="Save"/> into this module's parameters, by name. The names must match
    /// exactly and each shape must agree; otherwise nothing is changed and the error lists what differed
    /// (InvalidOperationException). A malformed, truncated or foreign file throws InvalidDataException, also changing nothing.
    /// </summary>
    public void Load(string path) => StateFile.Load(path, NamedParameters().ToList());

    /// <summary>The layer's settings inside its repr, such as <c>in_features=4, out_features=3, bias=True</c>.</summary>
    protected virtual string ExtraRepr => "";

    /// <summary>PyTorch's repr: the type, its settings and, indented, its children.</summary>
    public override string ToString()
    {
        var text = new StringBuilder(GetType().Name).Append('(').Append(ExtraRepr);
        if (children.Count == 0) return text.Append(')').ToString();
        text.Append('\n');
        foreach (var (name, child) in children)
            text.Append("  (").Append(name).Append("): ").Append(child.ToString().Replace("\n", "\n  ")).Append('\n');
        return text.Append(')').ToString();
    }
}
