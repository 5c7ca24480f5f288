import { useEffect, useState } from 'preact/hooks';
import { RECIPE_FIELDS, type SavedRecipe } from '@/core/recipe';
import { recipesItem } from '@/storage/sites';
import { removeRecipe } from '@/services/recipes';
import { fieldName, t } from '@/i18n/i18n';
import { Managed } from './policy-ui';
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

/**
 * The sites' reading recipes ("show me where"): which fields each reads and when it was saved,
 * a test on an open tab of that site, and removal (the content script stops using it at once).
 * Recipes the organisation's policy set are locked.
 */
export function RecipesCard() {
  const [recipes, setRecipes] = useState<Record<string, SavedRecipe>>({});
  const [status, setStatus] = useState<Status>();
  const [busy, setBusy] = useState<string>();

  useEffect(() => {
    void recipesItem.getValue().then(setRecipes);
    return recipesItem.watch((v) => setRecipes(v ?? {}));
  }, []);

  const remove = async (origin: string) => {
    const removed = await removeRecipe(origin);
    setStatus(removed ? { tone: 'ok', text: t('recipes.removed', [origin]) } : undefined);
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
        <table class="grid" aria-labelledby="recipes-title" data-testid="recipes">
          <thead>
            <tr>
              <th scope="col">{t('sites.site')}</th>
              <th scope="col">{t('recipes.reads')}</th>
              <th scope="col">{t('recipes.saved')}</th>
              <th scope="col">
                <span class="sr-only">{t('sites.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map(([origin, r]) => (
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
                    <button
                      type="button"
                      onClick={() => void remove(origin)}
                      aria-label={t('recipes.removeSite', [origin])}
                    >
                      {t('common.remove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
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
