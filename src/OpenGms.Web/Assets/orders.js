// Live eligibility and routing on the order form: posts the draft to /api/orders/preview (nothing is stored).
(function () {
  const form = document.getElementById('order-form');
  if (!form) return;
  const eligibility = document.getElementById('preview-eligibility');
  const routing = document.getElementById('preview-routing');
  const value = (name) => { const el = form.elements[name]; return el ? el.value.trim() : ''; };
  const num = (name) => { const v = value(name); return v === '' ? null : Number(v); };
  const flag = (name) => { const v = value(name); return v === '' ? null : v === 'true'; };
  const text = (tag, content, cls) => { const el = document.createElement(tag); el.textContent = content; if (cls) el.className = cls; return el; };
  let timer = null;
  let seq = 0;

  async function preview() {
    const testCode = value('Form.TestCode');
    if (!testCode) return;
    const body = {
      testCode: testCode,
      organisationOds: value('Form.OrganisationOds'),
      eligibility: {
        fh: {
          ldlCholesterolMmolPerL: num('Form.LdlCholesterol'), totalCholesterolMmolPerL: num('Form.TotalCholesterol'),
          tendonXanthomata: flag('Form.TendonXanthomata'), familyHistoryEarlyMyocardialInfarction: flag('Form.FamilyHistoryEarlyMyocardialInfarction'),
          firstDegreeRelativePrematureVascularDisease: flag('Form.FirstDegreeRelativePrematureVascularDisease'),
        },
        breastOvarian: {
          breastCancerAge: num('Form.BreastCancerAge'), tripleNegativeBreastCancerAge: num('Form.TripleNegativeBreastCancerAge'),
          nonMucinousEpithelialOvarianCancer: flag('Form.NonMucinousEpithelialOvarianCancer'), manchesterScore: num('Form.ManchesterScore'),
          canRiskProbabilityPercent: num('Form.CanRiskProbabilityPercent'),
        },
      },
    };
    const mine = ++seq;
    const response = await fetch(form.dataset.preview, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' });
    if (mine !== seq) return;
    const data = await response.json();
    eligibility.replaceChildren();
    routing.replaceChildren();
    if (!response.ok) {
      eligibility.append(text('p', (data.code ? data.code + ': ' : '') + (data.detail || 'Cannot check this order.'), 'error'));
      return;
    }
    const e = data.eligibility;
    eligibility.className = '';
    eligibility.append(text('p', e.summary, e.eligible === false ? 'error' : ''));
    eligibility.dataset.eligible = String(e.eligible);
    if (e.criteria.length) {
      const list = document.createElement('ul');
      for (const c of e.criteria) {
        const mark = c.met === true ? '✔ met' : c.met === false ? '✘ not met' : '? not recorded';
        list.append(text('li', `${mark} — ${c.criterion}: ${c.detail}`, c.met === true ? 'added' : c.met === false ? 'removed' : 'muted'));
      }
      eligibility.append(list);
    }
    const r = data.routing;
    routing.className = '';
    routing.dataset.glh = r.glhCode || '';
    routing.append(text('p', r.routed ? `Goes to ${r.glhName}. ${r.reason}` : `${r.errorCode}: ${r.reason}`, r.routed ? '' : 'error'));
    for (const fs of form.querySelectorAll('fieldset[data-indication]')) {
      fs.hidden = !testCode.toUpperCase().startsWith(fs.dataset.indication + '.');
    }
  }

  form.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(preview, 250); });
  form.addEventListener('change', () => { clearTimeout(timer); timer = setTimeout(preview, 50); });
  preview();
})();
