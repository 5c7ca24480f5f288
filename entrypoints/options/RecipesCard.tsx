import { useEffect, useRef, useState } from 'preact/hooks';
import { LOCATOR_MAX, RECIPE_FIELDS, type ReadingRecipe, type SavedRecipe } from '@/core/recipe';
import type { EditProblem } from '@/core/recipe-schema';
import { recipesItem } from '@/storage/sites';
import { editRecipe, removeRecipe } from '@/services/recipes';
import { fieldName, t } from '@/i18n/i18n';
import { Managed } from './policy-ui';
import { SiteTable } from '@/components/SiteTable';
import { testRecipeOnOpenTab, type TabTest } from './recipe-tab';

type Status = { tone: 'ok' | 'error'; text: string } | undefined;

/** "Company, Email" for the fields a recipe reads. */
export const recipeFieldNames = (r: SavedRecipe) =>
  RECIPE_FIELDS.filter((f) => r[f])
    .map(fieldName)
    .join(', ');

/** What a test on the open tab read, in words. */
export function describeTest(test: TabTest, origin: string): Status {
  if (!test.ok)
    return { tone: 'error', text: t(test.why === 'noTab' ? 'recipes.noTab' : 'recipes.testFailed', [origin]) };
  const read = RECIPE_FIELDS.filter((f) => test.read[f]).map((f) => `${fieldName(f)}: ${test.read[f]}`);
  const missing = test.read.missing.map(fieldName);
  const parts = [read.length ? t('recipes.testRead', [read.join('; ')]) : t('recipes.testNothing')];
  if (missing.length) parts.push(t('recipes.testMissing', [missing.join(', ')]));
  return { tone: read.length && !missing.length ? 'ok' : 'error', text: parts.join(' ') };
}

/** One reason an edited recipe was refused, in words. */
export function describeProblem(p: EditProblem): string {
  if (p.why === 'noWho') return t('recipes.noWho');
  const name = fieldName(p.field);
  if (p.why === 'long') return t('recipes.tooLong', [name, String(LOCATOR_MAX)]);
  if (p.why === 'control') return t('recipes.control', [name]);
  return t('recipes.notSelector', [name]);
}

/** Locators the page's own CSS parser refuses (the schema checks length and characters only). */
function selectorProblems(locators: ReadingRecipe): EditProblem[] {
  const probe = document.createDocumentFragment();
  return RECIPE_FIELDS.flatMap((field): EditProblem[] => {
    const v = locators[field]?.trim();
    if (!v) return [];
    try {
      probe.querySelector(v);
      return [];
    } catch {
      return [{ field, why: 'selector' }];
    }
  });
}

/**
 * The inline form that edits one recipe's locators: a labelled text input each, Save (checked
 * with the same schema as a backup's or the policy's recipe) and Cancel (also Escape).
 */
function RecipeEditor(props: { origin: string; recipe: SavedRecipe; onDone: (saved: boolean) => void }) {
  const { origin, recipe, onDone } = props;
  const [values, setValues] = useState<ReadingRecipe>(() => ({
    company: recipe.company ?? '',
    contactEmail: recipe.contactEmail ?? '',
    ticketId: recipe.ticketId ?? '',
  }));
  const [problems, setProblems] = useState<EditProblem[]>([]);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const save = async (e: Event) => {
    e.preventDefault();
    const bad = selectorProblems(values);
    if (bad.length) return setProblems(bad);
    const got = await editRecipe(origin, values);
    if (got.ok) onDone(true);
    else setProblems(got.problems);
  };
  const id = (field: string) => `recipe-edit-${field}`;
  const bad = (field: string) => problems.some((p) => p.field === field || p.why === 'noWho');
  return (
    <form
      data-testid="recipe-edit"
      onSubmit={(e) => void save(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          onDone(false);
        }
      }}
    >
      <fieldset>
        <legend>{t('recipes.editLegend', [origin])}</legend>
        {RECIPE_FIELDS.map((field, i) => (
          <p key={field}>
            <label for={id(field)}>{fieldName(field)}</label>{' '}
            <input
              id={id(field)}
              ref={i === 0 ? first : undefined}
              type="text"
              spellcheck={false}
              value={values[field]}
              aria-invalid={bad(field) ? 'true' : undefined}
              aria-describedby={problems.length ? 'recipe-edit-problems' : undefined}
              onInput={(e) => setValues({ ...values, [field]: e.currentTarget.value })}
            />
          </p>
        ))}
        {problems.length > 0 && (
          <p role="alert" class="errors" id="recipe-edit-problems" data-testid="recipe-edit-problems">
            {t('recipes.notSaved', [problems.map(describeProblem).join(' ')])}
          </p>
        )}
        <p class="row">
          <button type="submit" aria-label={t('recipes.saveSite', [origin])}>
            {t('recipes.save')}
          </button>
          <button type="button" onClick={() => onDone(false)} aria-label={t('recipes.cancelSite', [origin])}>
            {t('common.cancel')}
          </button>
        </p>
      </fieldset>
    </form>
  );
}

/**
 * The sites' reading recipes ("show me where"): which fields each reads and when it was saved,
 * a test on an open tab of that site, editing its locators, and removal (the content script stops using it at once).
 * Recipes the organisation's policy set are locked.
 */
export function RecipesCard() {
  const [recipes, setRecipes] = useState<Record<string, SavedRecipe>>({});
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState<string>();
  const [editing, setEditing] = useState<string>();

  useEffect(() => {
    void recipesItem.getValue().then(setRecipes);
    return recipesItem.watch((v) => setRecipes(v ?? {}));
  }, []);

  const remove = async (origin: string) => {
    const removed = await removeRecipe(origin);
    setStatus(removed ? { tone: 'ok', text: t('recipes.removed', [origin]) } : undefined);
  };

  const edited = (origin: string, saved: boolean) => {
    setEditing(undefined);
    setStatus(saved ? { tone: 'ok', text: t('recipes.edited', [origin]) } : undefined);
    // Back to the row's Edit button, so the keyboard stays where it was.
    requestAnimationFrame(() =>
      document.querySelector<HTMLButtonElement>(`button[data-edit="${CSS.escape(origin)}"]`)?.focus(),
    );
  };

  const test = async (origin: string) => {
    setBusy(origin);
    setStatus(undefined);
    try {
      setStatus(describeTest(await testRecipeOnOpenTab(origin), origin));
    } finally {
      setBusy(undefined);
    }
  };

  const list = Object.entries(recipes).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section class="card" aria-labelledby="recipes-title">
      <h2 id="recipes-title">{t('recipes.title')}</h2>
      <p class="muted small">{t('recipes.intro')}</p>
      {list.length === 0 ? (
        <p class="muted" data-testid="recipes-none">
          {t('recipes.none')}
        </p>
      ) : (
        <SiteTable labelledBy="recipes-title" testId="recipes" columns={[t('recipes.reads'), t('recipes.saved')]}>
          {list.map(([origin, r]) => [
            <tr key={origin} data-origin={origin}>
              <td>{origin}</td>
              <td>{recipeFieldNames(r)}</td>
              <td>{r.savedAt ? new Date(r.savedAt).toLocaleString() : t('recipes.savedUnknown')}</td>
              <td class="row">
                <button
                  type="button"
                  onClick={() => void test(origin)}
                  disabled={busy === origin}
                  aria-label={t('recipes.testSite', [origin])}
                >
                  {t('recipes.test')}
                </button>
                {r.managed ? (
                  <Managed />
                ) : (
                  <>
                    <button
                      type="button"
                      data-edit={origin}
                      onClick={() => {
                        setStatus(undefined);
                        setEditing(origin);
                      }}
                      aria-expanded={editing === origin}
                      aria-label={t('recipes.editSite', [origin])}
                    >
                      {t('recipes.edit')}
                    </button>
                    <button
                      type="button"
                      onClick={() => void remove(origin)}
                      aria-label={t('recipes.removeSite', [origin])}
                    >
                      {t('common.remove')}
                    </button>
                  </>
                )}
              </td>
            </tr>,
            editing === origin && !r.managed && (
              <tr key={`${origin} edit`} class="recipe-edit">
                <td colSpan={4}>
                  <RecipeEditor origin={origin} recipe={r} onDone={(saved) => edited(origin, saved)} />
                </td>
              </tr>
            ),
          ])}
        </SiteTable>
      )}
      {status && (
        <p
          role={status.tone === 'error' ? 'alert' : 'status'}
          class={status.tone === 'error' ? 'errors' : ''}
          data-testid="recipes-status"
        >
          {status.text}
        </p>
      )}
    </section>
  );
}
