import './zodWithoutEval.ts';
import { Route, Router } from '@solidjs/router';
import { lazy } from 'solid-js';
import { render } from 'solid-js/web';
import '../common/base.css';
import './staff.css';
import { Layout } from './Layout.tsx';
import { AccountsPage } from './pages/AccountsPage.tsx';
import { AuditPage } from './pages/AuditPage.tsx';
import { CalendarPage } from './pages/CalendarPage.tsx';
import { CampaignPage } from './pages/CampaignPage.tsx';
import { CampaignsPage } from './pages/CampaignsPage.tsx';
import { ImportPage } from './pages/ImportPage.tsx';
import { HomePage, NotFoundPage } from './pages/HomePage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { MyAccountPage } from './pages/MyAccountPage.tsx';
import { MyReportsPage } from './pages/MyReportsPage.tsx';
import { PeoplePage } from './pages/PeoplePage.tsx';
import { RespondentsPage } from './pages/RespondentsPage.tsx';
import { TrainingCampaignsPage } from './pages/TrainingCampaignsPage.tsx';
import { UnitsPage } from './pages/UnitsPage.tsx';
import { loadUser } from './session.ts';

// Chart.js is loaded only by those who open a report.
const ReportPage = lazy(() => import('./pages/ReportPage.tsx'));
const SheetsPage = lazy(() => import('./pages/SheetsPage.tsx'));
const TrainingPage = lazy(() => import('./pages/TrainingPage.tsx'));
const ReportsPrintPage = lazy(() => import('./pages/ReportsPrintPage.tsx'));

void loadUser();

render(
  () => (
    <Router root={Layout}>
      <Route path="/login" component={LoginPage} />
      <Route path="/people" component={PeoplePage} />
      <Route path="/units" component={UnitsPage} />
      <Route path="/import" component={ImportPage} />
      <Route path="/campaigns" component={CampaignsPage} />
      <Route path="/campaigns/:id" component={CampaignPage} />
      <Route path="/campaigns/:id/evaluations/:eid" component={RespondentsPage} />
      <Route path="/campaigns/:id/sheets" component={SheetsPage} />
      <Route path="/reports/print" component={ReportsPrintPage} />
      <Route path="/reports/:eid" component={ReportPage} />
      <Route path="/audit" component={AuditPage} />
      <Route path="/calendar" component={CalendarPage} />
      <Route path="/training" component={TrainingCampaignsPage} />
      <Route path="/training/:id" component={TrainingPage} />
      <Route path="/accounts" component={AccountsPage} />
      <Route path="/my/reports" component={MyReportsPage} />
      <Route path="/my/account" component={MyAccountPage} />
      <Route path="/" component={HomePage} />
      <Route path="*" component={NotFoundPage} />
    </Router>
  ),
  document.getElementById('root')!,
);
